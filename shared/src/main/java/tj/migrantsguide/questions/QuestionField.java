package tj.migrantsguide.questions;

/** A field of the question form (and of the submitted JSON, by {@link #jsonName()}). */
public enum QuestionField {
    TOPIC("topic"),
    COUNTRY("country"),
    LANGUAGE("language"),
    MESSAGE("message"),
    CONTACT("contact"),
    CONSENT("consent");

    private final String jsonName;

    QuestionField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
