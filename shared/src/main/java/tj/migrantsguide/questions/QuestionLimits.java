package tj.migrantsguide.questions;


/**
 * Limits shared by the form, the outbox and the reference server, so that what the device accepts the server
 * accepts too. Lengths count Unicode code points (what a person sees as characters), not UTF-16 units or bytes.
 * docs/questions-api.md explains the choices.
 */
public final class QuestionLimits {
    /** Shorter than this is almost never a question the desk can answer ("help", "hello"). */
    public static final int MESSAGE_MIN = 10;
    /** About one typed page: room for a story, small enough to read on the desk and to send over a weak link. */
    public static final int MESSAGE_MAX = 2000;
    /** The longest e-mail address the standards allow (RFC 5321: 254). */
    public static final int CONTACT_MAX = 254;
    /** Digits in a phone number: the shortest local numbers and the longest international ones (E.164: 15). */
    public static final int PHONE_DIGITS_MIN = 7;
    public static final int PHONE_DIGITS_MAX = 15;
    /** An id of the guide's content (content/SPEC.md: lower-case words joined by '-'); the longest today is 32. */
    public static final int ITEM_ID_MAX = 64;
    /**
     * Digits in a reported number: 3, since cards carry short codes (112, 101) the form's contact rule would refuse;
     * at most {@link #PHONE_DIGITS_MAX}. The number as printed ("227-07-07-07") is at most 32 characters.
     */
    public static final int REPORTED_NUMBER_DIGITS_MIN = 3;
    public static final int REPORTED_NUMBER_MAX = 32;
    /** An answer written at the desk. */
    public static final int ANSWER_MAX = 4000;
    /**
     * The largest request body the server reads. A maximal message in Tajik (2 bytes per letter in UTF-8, up to 4
     * for emoji) is at most 8,000 bytes, plus the contact and the field names.
     */
    public static final int BODY_MAX_BYTES = 16 * 1024;

    private QuestionLimits() {}
}
