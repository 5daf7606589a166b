package tj.migrantsguide.questions;

import java.util.Locale;

/**
 * Why one field of a question cannot be sent, with the data a screen needs to say so in the person's language.
 * {@link #message()} is the English wording, used by the command line and the server's error bodies.
 */
public sealed interface FieldProblem {
    QuestionField field();

    /** A stable code for the server's error body and for screens that map problems to their own strings. */
    String code();

    String message();

    /** Nothing was given where something is needed (no topic chosen, an empty message). */
    record Missing(QuestionField field) implements FieldProblem {
        @Override
        public String code() {
            return "missing";
        }

        @Override
        public String message() {
            return switch (field) {
                case TOPIC -> "Choose a topic.";
                case COUNTRY -> "Choose a country.";
                case LANGUAGE -> "Choose a language.";
                case MESSAGE -> "Write your question.";
                default -> "Fill in " + field.jsonName() + ".";
            };
        }
    }

    record TooShort(QuestionField field, int minimum, int actual) implements FieldProblem {
        @Override
        public String code() {
            return "too_short";
        }

        @Override
        public String message() {
            return String.format(Locale.ROOT, "Write at least %d characters (now %d).", minimum, actual);
        }
    }

    record TooLong(QuestionField field, int maximum, int actual) implements FieldProblem {
        @Override
        public String code() {
            return "too_long";
        }

        @Override
        public String message() {
            return String.format(Locale.ROOT, "Use at most %d characters (now %d).", maximum, actual);
        }
    }

    /**
     * A character that cannot be sent: a control character, a text-direction override that could disguise the
     * text on the desk, or a sign that the text was already damaged (U+FFFD, a broken surrogate).
     */
    record ForbiddenCharacter(QuestionField field, int codePoint, int position) implements FieldProblem {
        @Override
        public String code() {
            return "forbidden_character";
        }

        @Override
        public String message() {
            return String.format(Locale.ROOT, "Remove the invisible or damaged character U+%04X at position %d.",
                    codePoint, position + 1);
        }
    }

    /**
     * A value outside the fixed list (topic, language) or not in the expected form (country code, a report's item
     * and number, or those given where they do not belong).
     */
    record UnknownValue(QuestionField field, String value) implements FieldProblem {
        @Override
        public String code() {
            return "unknown_value";
        }

        @Override
        public String message() {
            return switch (field) {
                case TOPIC -> "Choose one of the topics in the list.";
                case COUNTRY -> "Choose a country from the list.";
                case LANGUAGE -> "Choose Tajik, Russian or English.";
                case ABOUT -> "Only a report of a problem names an item, as contact/CC/id (a contact of the guide).";
                case NUMBER -> String.format(Locale.ROOT, "Give the number as printed on the contact's card (%d to "
                        + "%d digits), and only with the item it belongs to.", QuestionLimits.REPORTED_NUMBER_DIGITS_MIN,
                        QuestionLimits.PHONE_DIGITS_MAX);
                default -> "This value is not allowed.";
            };
        }
    }

    /** The contact is neither a phone number nor an e-mail address. */
    record NotAPhoneOrEmail(QuestionField field) implements FieldProblem {
        public NotAPhoneOrEmail() {
            this(QuestionField.CONTACT);
        }

        @Override
        public String code() {
            return "not_phone_or_email";
        }

        @Override
        public String message() {
            return String.format(Locale.ROOT, "Write a phone number (%d to %d digits; spaces, + ( ) - allowed) "
                    + "or an e-mail address.", QuestionLimits.PHONE_DIGITS_MIN, QuestionLimits.PHONE_DIGITS_MAX);
        }
    }

    /** A contact was given but the person did not agree that the Ministry may use it. */
    record ConsentMissing(QuestionField field) implements FieldProblem {
        public ConsentMissing() {
            this(QuestionField.CONSENT);
        }

        @Override
        public String code() {
            return "consent_missing";
        }

        @Override
        public String message() {
            return "Agree that the Ministry may contact you, or leave the contact empty.";
        }
    }
}
