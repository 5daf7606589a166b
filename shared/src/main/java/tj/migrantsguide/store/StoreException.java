package tj.migrantsguide.store;

/** The device database could not do what was asked; {@code operation} says what that was. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;

    public StoreException(String operation, Throwable cause) {
        super(operation + ": " + cause.getMessage(), cause);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }
}
