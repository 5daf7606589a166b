package tj.migrantsguide.questions;

/** Where a question is on its way to the Ministry and back. */
public enum QuestionState {
    /** Saved on the device; it will be sent when a connection exists (and retried until the server has it). */
    WAITING,
    /** The server has it; no answer yet. */
    SENT,
    /** The desk answered; the answer is on the device. */
    ANSWERED,
    /** The server refused it for good (for example it breaks a rule the server has and this app does not). */
    FAILED
}
