/**
 * Detection: the {@link dev.veil.detect.Detector} extension point, and the built-in detectors,
 * created through {@link dev.veil.detect.Detectors}.
 *
 * <p>{@code Detector}, {@code DetectionInput}, {@code FindingSink} and {@code Detectors} are API.
 * Everything else in this package and its sub-packages is internal machinery: do not depend on it.
 */
package dev.veil.detect;
