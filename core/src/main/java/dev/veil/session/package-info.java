/**
 * Sessions and restore: the last step of detect → resolve → protect → restore. A
 * {@link dev.veil.session.Session} (from {@code veil.session(id)}) gives values protected with
 * {@code PSEUDONYMIZE} or {@code SURROGATE} the same token or fake value on every turn, and restores
 * replies whole ({@link dev.veil.session.Session#restore}) or while they stream
 * ({@link dev.veil.session.StreamRestorer}).
 *
 * <p>{@code Session} and {@code StreamRestorer} are API. {@code Sessions} is the engine's seam and
 * everything else is internal machinery: the per-session vault, the hand-written token scanner, the
 * surrogate makers, keyed tokens and the encrypted export format. Do not depend on them.
 */
package dev.veil.session;
