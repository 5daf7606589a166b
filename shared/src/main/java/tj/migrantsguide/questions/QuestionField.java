package tj.migrantsguide.questions;

/** A field of the question form (and of the submitted JSON, by {@link #jsonName()}). */
public enum QuestionField {
    TOPIC("topic"),
    COUNTRY("country"),
    LANGUAGE("language"),
    MESSAGE("message"),
    CONTACT("contact"),
    CONSENT("consent"),
    /** A report's item of the guide ({@link ReportedContact#code()}); only with the topic report-a-problem. */
    ABOUT("about"),
    /** The number the person tried, as printed on the card; only with {@link #ABOUT}. */
    NUMBER("number");

    private final String jsonName;

    QuestionField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
