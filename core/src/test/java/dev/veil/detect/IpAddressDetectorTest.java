package dev.veil.detect;

import static dev.veil.FindingAssertions.assertFindsExactly;

import dev.veil.EntityType;
import dev.veil.Veil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressDetectorTest {

    private static final Veil VEIL = DetectorTables.only(Detectors.ipAddress());

    @ParameterizedTest
    @ValueSource(strings = {
        "De server draait op ⟦192.168.1.10⟧.",
        "Login from ⟦203.0.113.7⟧ at night, IP:⟦10.0.0.1⟧",
        "IPv6 ⟦2001:db8::1⟧ en loopback ⟦::1⟧",
        "Link-local ⟦fe80::1ff:fe23:4567:890a⟧.",
        "Full ⟦2001:0db8:85a3:0000:0000:8a2e:0370:7334⟧ address",
    })
    void findsIpv4AndIpv6(String sentence) {
        assertFindsExactly(VEIL, EntityType.IP_ADDRESS, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Installeer version 1.2.3.4 van de app.",
        "Update naar versie 10.0.19045.3803 is klaar.",
        "Het is 12:30:45 in Amsterdam.",
        "MAC 00:1A:2B:3C:4D:5E is geen IP.",
        "Ongeldig: 256.1.1.1 en 1.2.3",
        "std::vector and a::b::c are C++.",
        "Vijf delen: 1.2.3.4.5",
    })
    void ignoresVersionsTimesAndLookAlikes(String sentence) {
        assertFindsExactly(VEIL, EntityType.IP_ADDRESS, sentence);
    }
}
