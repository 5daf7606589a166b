package tj.migrantsguide.questions;

import java.util.Optional;

/** What a question is about; the desk sorts its inbox by these. The order is the order of the form's list. */
public enum Topic {
    DOCUMENTS("documents"),
    WORK_AND_PAY("work-and-pay"),
    REGISTRATION("registration"),
    HEALTH("health"),
    FAMILY("family"),
    RETURN("return"),
    /** A number that does not answer, a wrong address, a page that is out of date. */
    REPORT_A_PROBLEM("report-a-problem");

    private final String code;

    Topic(String code) {
        this.code = code;
    }

    /** The code used on the wire, in both databases and on the command line. */
    public String code() {
        return code;
    }

    public static Optional<Topic> fromCode(String code) {
        for (Topic topic : values()) {
            if (topic.code.equals(code)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
