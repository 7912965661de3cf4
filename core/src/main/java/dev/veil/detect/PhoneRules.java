package dev.veil.detect;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * libphonenumber's validity rules for a few country calling codes, with the patterns compiled once.
 *
 * <p>{@code PhoneNumberUtil.isValidNumber} looks the region metadata up by building a file name,
 * fetches each pattern through a synchronized regex cache, and for +1 walks 25 regions: a few
 * microseconds and a few kilobytes per candidate. The rules are the same here — a number is valid for
 * a region when its national significant number has a possible length and matches the region's
 * general pattern and one of its type patterns; a number is valid when the first region of its
 * calling code that claims it (by leading digits, or by validity) finds it valid — evaluated against
 * patterns compiled when the detector is built. {@code PhoneValidityTest} checks them against
 * libphonenumber.
 *
 * <p>Internal. Immutable and thread-safe.
 */
final class PhoneRules {

    private final Map<Integer, List<Region>> byCallingCode = new HashMap<>();
    private final Map<String, Region> byRegion = new HashMap<>();

    PhoneRules(PhoneNumberUtil util, int... callingCodes) {
        var source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        for (int cc : callingCodes) {
            List<Region> regions = new ArrayList<>();
            for (String code : util.getRegionCodesForCountryCode(cc)) {
                Region region = new Region(source.getMetadataForRegion(code));
                regions.add(region);
                byRegion.put(code, region);
            }
            byCallingCode.put(cc, List.copyOf(regions));
        }
    }

    /** Whether rules for this calling code were loaded. */
    boolean covers(int callingCode) {
        return byCallingCode.containsKey(callingCode);
    }

    /** As {@code isValidNumberForRegion}: valid in {@code region}, which must be covered. */
    boolean validForRegion(String nationalNumber, String region) {
        return byRegion.get(region).valid(nationalNumber);
    }

    /** As {@code isValidNumber}: valid in the region of {@code callingCode} that claims it. */
    boolean valid(int callingCode, String nationalNumber) {
        List<Region> regions = byCallingCode.get(callingCode);
        if (regions.size() == 1) {
            return regions.get(0).valid(nationalNumber);
        }
        for (Region region : regions) {
            if (region.leadingDigits != null) {
                if (region.leadingDigits.matcher(nationalNumber).lookingAt()) {
                    return region.valid(nationalNumber);
                }
            } else if (region.valid(nationalNumber)) {
                return true;
            }
        }
        return false;
    }

    /** One region's general description and number types, compiled. */
    private static final class Region {
        final Pattern leadingDigits;
        final Desc general;
        final Desc[] types;

        Region(PhoneMetadata m) {
            leadingDigits = m.hasLeadingDigits() ? Pattern.compile(m.getLeadingDigits()) : null;
            general = new Desc(m.getGeneralDesc());
            List<Desc> t = new ArrayList<>();
            // Validity asks whether any type matches, so the order is free: the types people write most
            // come first and most candidates need one or two patterns instead of ten.
            for (PhoneNumberDesc d : List.of(m.getMobile(), m.getFixedLine(), m.getTollFree(), m.getPremiumRate(),
                    m.getSharedCost(), m.getVoip(), m.getPersonalNumber(), m.getPager(), m.getUan(), m.getVoicemail())) {
                if (d.hasNationalNumberPattern() && !d.getNationalNumberPattern().isEmpty()) {
                    t.add(new Desc(d));
                }
            }
            types = t.toArray(new Desc[0]);
        }

        boolean valid(String nsn) {
            if (!general.matches(nsn)) {
                return false;
            }
            for (Desc d : types) {
                if (d.matches(nsn)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A number description: the lengths it allows and its pattern. */
    private static final class Desc {
        final int[] lengths;
        final Pattern pattern;

        Desc(PhoneNumberDesc d) {
            lengths = d.getPossibleLengthList().stream().mapToInt(Integer::intValue).toArray();
            pattern = d.hasNationalNumberPattern() && !d.getNationalNumberPattern().isEmpty()
                    ? Pattern.compile(d.getNationalNumberPattern()) : null;
        }

        boolean matches(String nsn) {
            if (lengths.length > 0) {
                boolean possible = false;
                for (int l : lengths) {
                    possible |= l == nsn.length();
                }
                if (!possible) {
                    return false;
                }
            }
            return pattern != null && pattern.matcher(nsn).matches();
        }
    }
}
