package tj.migrantsguide.questions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tj.migrantsguide.guide.Language;

/**
 * The rules a question must meet, the same on the device (before saving) and on the server (before storing).
 * Text is normalised first (NFC, line ends, tabs, surrounding spaces), so both sides judge the same characters.
 */
public final class QuestionRules {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    // '+' only in front; the rest is what people type between digits.
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]+");
    // Deliberately plain: one '@', a dot-atom local part and a host name with a dot. Anything stranger is far more
    // likely a typo than a real address, and the person can give a phone number instead.
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final int EMAIL_LOCAL_MAX = 64;

    private QuestionRules() {}

    public static Validation check(QuestionDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();

        String topicCode = draft.topic().strip();
        Optional<Topic> topic = Topic.fromCode(topicCode);
        if (topicCode.isEmpty()) {
            problems.add(new FieldProblem.Missing(QuestionField.TOPIC));
        } else if (topic.isEmpty()) {
            problems.add(new FieldProblem.UnknownValue(QuestionField.TOPIC, topicCode));
        }

        String country = draft.country().strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            problems.add(new FieldProblem.Missing(QuestionField.COUNTRY));
        } else if (!COUNTRY.matcher(country).matches()) {
            problems.add(new FieldProblem.UnknownValue(QuestionField.COUNTRY, country));
        }

        Optional<Language> language = Language.fromCode(draft.language());
        if (draft.language().isBlank()) {
            problems.add(new FieldProblem.Missing(QuestionField.LANGUAGE));
        } else if (language.isEmpty()) {
            problems.add(new FieldProblem.UnknownValue(QuestionField.LANGUAGE, draft.language().strip()));
        }

        String message = normaliseText(draft.message());
        checkMessage(message).ifPresent(problems::add);

        String contact = Normalizer.normalize(draft.contact(), Normalizer.Form.NFC).strip();
        if (!contact.isEmpty()) {
            checkContact(contact).ifPresent(problems::add);
            if (!draft.consent()) {
                problems.add(new FieldProblem.ConsentMissing());
            }
        }

        // Taken exactly as sent (no normalising): the device writes what the content has, so anything else is not
        // one of the guide's items. Only a report names one; a number only with its item.
        Optional<ReportedContact> about = ReportedContact.parse(draft.about());
        if (!draft.about().isEmpty() && (about.isEmpty() || topic.filter(t -> t == Topic.REPORT_A_PROBLEM).isEmpty())) {
            problems.add(new FieldProblem.UnknownValue(QuestionField.ABOUT, shortened(draft.about())));
        }
        String number = Normalizer.normalize(draft.number(), Normalizer.Form.NFC).strip();
        if (!number.isEmpty() && (draft.about().isEmpty() || !isReportedNumber(number))) {
            problems.add(new FieldProblem.UnknownValue(QuestionField.NUMBER, shortened(number)));
        }

        if (!problems.isEmpty()) {
            return new Validation.Invalid(problems);
        }
        return new Validation.Valid(new Question(topic.orElseThrow(), country, language.orElseThrow(), message,
                contact.isEmpty() ? Optional.empty() : Optional.of(contact), about,
                number.isEmpty() ? Optional.empty() : Optional.of(number)));
    }

    /** The check for an answer written at the desk: same characters as a message, its own length. */
    public static Optional<FieldProblem> checkAnswer(String normalisedAnswer) {
        if (normalisedAnswer.isEmpty()) {
            return Optional.of(new FieldProblem.Missing(QuestionField.MESSAGE));
        }
        Optional<FieldProblem> forbidden = forbiddenCharacter(QuestionField.MESSAGE, normalisedAnswer, true);
        if (forbidden.isPresent()) {
            return forbidden;
        }
        int length = normalisedAnswer.codePointCount(0, normalisedAnswer.length());
        if (length > QuestionLimits.ANSWER_MAX) {
            return Optional.of(new FieldProblem.TooLong(QuestionField.MESSAGE, QuestionLimits.ANSWER_MAX, length));
        }
        return Optional.empty();
    }

    /**
     * Canonical form of a typed text: Unicode NFC (so "й" typed two ways is one character and counts once),
     * Windows and old Mac line ends as "\n", tabs as spaces, no surrounding white space.
     */
    public static String normaliseText(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').strip();
    }

    private static Optional<FieldProblem> checkMessage(String message) {
        if (message.isEmpty()) {
            return Optional.of(new FieldProblem.Missing(QuestionField.MESSAGE));
        }
        Optional<FieldProblem> forbidden = forbiddenCharacter(QuestionField.MESSAGE, message, true);
        if (forbidden.isPresent()) {
            return forbidden;
        }
        int length = message.codePointCount(0, message.length());
        if (length < QuestionLimits.MESSAGE_MIN) {
            return Optional.of(new FieldProblem.TooShort(QuestionField.MESSAGE, QuestionLimits.MESSAGE_MIN, length));
        }
        if (length > QuestionLimits.MESSAGE_MAX) {
            return Optional.of(new FieldProblem.TooLong(QuestionField.MESSAGE, QuestionLimits.MESSAGE_MAX, length));
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> checkContact(String contact) {
        Optional<FieldProblem> forbidden = forbiddenCharacter(QuestionField.CONTACT, contact, false);
        if (forbidden.isPresent()) {
            return forbidden;
        }
        int length = contact.codePointCount(0, contact.length());
        if (length > QuestionLimits.CONTACT_MAX) {
            return Optional.of(new FieldProblem.TooLong(QuestionField.CONTACT, QuestionLimits.CONTACT_MAX, length));
        }
        return isPhone(contact) || isEmail(contact)
                ? Optional.empty()
                : Optional.of(new FieldProblem.NotAPhoneOrEmail());
    }

    static boolean isPhone(String contact) {
        if (!PHONE.matcher(contact).matches()) {
            return false;
        }
        long digits = contact.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= QuestionLimits.PHONE_DIGITS_MIN && digits <= QuestionLimits.PHONE_DIGITS_MAX;
    }

    /** A number as a card prints it: a phone's characters, short codes (112) included. */
    static boolean isReportedNumber(String number) {
        if (number.length() > QuestionLimits.REPORTED_NUMBER_MAX || !PHONE.matcher(number).matches()) {
            return false;
        }
        long digits = number.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= QuestionLimits.REPORTED_NUMBER_DIGITS_MIN && digits <= QuestionLimits.PHONE_DIGITS_MAX;
    }

    /** A refused value kept in a problem: at most 100 characters of it, since it may be anything a client sent. */
    private static String shortened(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100);
    }

    static boolean isEmail(String contact) {
        int at = contact.indexOf('@');
        return at > 0 && at <= EMAIL_LOCAL_MAX && EMAIL.matcher(contact).matches();
    }

    private static Optional<FieldProblem> forbiddenCharacter(QuestionField field, String text, boolean lineBreaks) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isForbidden(codePoint, lineBreaks)) {
                return Optional.of(new FieldProblem.ForbiddenCharacter(field, codePoint, position));
            }
            i += Character.charCount(codePoint);
            position++;
        }
        return Optional.empty();
    }

    private static boolean isForbidden(int codePoint, boolean lineBreaks) {
        if (codePoint == '\n') {
            return !lineBreaks;
        }
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.SURROGATE // a lone half of a pair: the text was cut or badly decoded
                || codePoint == 0xFFFD // the replacement character: an earlier decoding already lost something
                || codePoint == 0xFFFE || codePoint == 0xFFFF
                // Direction overrides and isolates can make the desk read text in another order than written.
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x2028 || codePoint == 0x2029; // line/paragraph separators: use "\n"
    }
}
