package dev.veil;

import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Thrown when a policy {@link Action#BLOCK}s a prompt: the text must not be sent at all. The message
 * and {@link #blockedTypes()} name the types found; they never contain the text or its values.
 */
public final class PromptBlockedException extends VeilException {

    private static final long serialVersionUID = 1L;

    private final transient Set<EntityType> blockedTypes;

    /**
     * @param blockedTypes the types whose findings the policy blocks; not empty
     */
    public PromptBlockedException(Set<EntityType> blockedTypes) {
        super("prompt blocked by policy: it contains " + describe(blockedTypes));
        TreeSet<EntityType> sorted = new TreeSet<>(Comparator.comparing(EntityType::name));
        sorted.addAll(blockedTypes);
        this.blockedTypes = Collections.unmodifiableSet(sorted);
    }

    private static String describe(Set<EntityType> types) {
        Objects.requireNonNull(types, "blockedTypes");
        return types.stream().map(EntityType::name).sorted().collect(Collectors.joining(", "));
    }

    /** The types that made the policy block the prompt, sorted by name. */
    public Set<EntityType> blockedTypes() {
        return blockedTypes;
    }
}
