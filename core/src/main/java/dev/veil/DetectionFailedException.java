package dev.veil;

import java.util.Objects;

/**
 * Thrown when a detector fails or breaks its contract and the policy does not tolerate that detector:
 * Veil fails closed and returns no text rather than text it could not check. The message names the
 * detector and the kind of failure, never the input text; the underlying exception is deliberately not
 * attached, because its message may quote the input.
 */
public final class DetectionFailedException extends VeilException {

    private static final long serialVersionUID = 1L;

    private final String detectorId;

    /**
     * @param detectorId the id of the failing detector
     * @param failure    a description without input text, e.g. the exception class name
     */
    public DetectionFailedException(String detectorId, String failure) {
        super("detector '" + Objects.requireNonNull(detectorId, "detectorId") + "' failed (" + failure
                + "); the text was not protected and must not be sent");
        this.detectorId = detectorId;
    }

    /** The id of the detector that failed. */
    public String detectorId() {
        return detectorId;
    }
}
