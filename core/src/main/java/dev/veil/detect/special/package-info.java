/**
 * Special categories of personal data (GDPR art. 9 and 10) in Dutch and English:
 * {@link dev.veil.detect.special.SpecialCategoryDetector} and its builder are the API; everything else
 * in this package is internal.
 */
package dev.veil.detect.special;
