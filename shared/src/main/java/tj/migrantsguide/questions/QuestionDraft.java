package tj.migrantsguide.questions;

import java.util.Objects;
import tj.migrantsguide.guide.Language;

/**
 * What the form holds while the person types, exactly as typed: codes and text, possibly empty or wrong.
 * {@link QuestionRules#check} turns it into a {@link Question} or a list of problems per field.
 *
 * @param topic a {@link Topic#code()}, or "" when none is chosen yet
 * @param country an ISO 3166-1 alpha-2 code from the guide's country list ("RU")
 * @param language the language the person writes in and wants the answer in ({@link Language#code()})
 * @param contact a phone number or e-mail address, or "" for none
 * @param consent whether the person agreed that the Ministry may use the contact to reach them
 * @param about for a report of a problem, the item it is about ({@link ReportedContact#code()}), or ""
 * @param number with {@code about}, the number the person tried as the card shows it, or ""
 */
public record QuestionDraft(String topic, String country, String language, String message, String contact,
        boolean consent, String about, String number) {
    public QuestionDraft {
        topic = Objects.requireNonNullElse(topic, "");
        country = Objects.requireNonNullElse(country, "");
        language = Objects.requireNonNullElse(language, "");
        message = Objects.requireNonNullElse(message, "");
        contact = Objects.requireNonNullElse(contact, "");
        about = Objects.requireNonNullElse(about, "");
        number = Objects.requireNonNullElse(number, "");
    }

    /** A question about no item of the guide. */
    public QuestionDraft(String topic, String country, String language, String message, String contact,
            boolean consent) {
        this(topic, country, language, message, contact, consent, "", "");
    }

    public static QuestionDraft of(Topic topic, String country, Language language, String message, String contact,
            boolean consent) {
        return new QuestionDraft(topic.code(), country, language.code(), message, contact, consent);
    }

    public static QuestionDraft withoutContact(Topic topic, String country, Language language, String message) {
        return of(topic, country, language, message, "", false);
    }

    /** The same draft naming the item it reports and the number tried ("" for none). */
    public QuestionDraft reporting(String about, String number) {
        return new QuestionDraft(topic, country, language, message, contact, consent, about, number);
    }
}
