package dev.veil.session;

import dev.veil.VeilException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a vault's state as an encrypted, authenticated blob and reads it back: AES-GCM from the
 * JDK, a fresh 96-bit nonce per export, a 128-bit tag, and the format name as associated data.
 * Layout: {@code "VEIL" version(1 byte, now 2) nonce(12) ciphertext+tag}; the version selects the
 * associated data, so it is authenticated too. A wrong key, a truncated or an altered blob
 * fails with {@link VeilException} before anything is installed. Stateless.
 */
final class MappingCodec {

    private static final byte[] MAGIC = {'V', 'E', 'I', 'L'};
    /** 2: strings as a length and UTF-16 chars (1 used writeUTF, which cannot hold a value over 64 KB). */
    private static final byte VERSION = 2;
    private static final byte VERSION_1 = 1;
    /** Associated data per format version, so a blob whose version byte was changed fails its tag. */
    private static final byte[] AAD_1 = "dev.veil.session.mapping/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD_2 = "dev.veil.session.mapping/2".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom NONCES = new SecureRandom();

    private MappingCodec() {
    }

    static byte[] seal(byte[] key, byte[] plain) {
        byte[] nonce = new byte[NONCE];
        NONCES.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key, nonce, AAD_2);
            byte[] sealed = c.doFinal(plain);
            byte[] out = new byte[MAGIC.length + 1 + NONCE + sealed.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            out[MAGIC.length] = VERSION;
            System.arraycopy(nonce, 0, out, MAGIC.length + 1, NONCE);
            System.arraycopy(sealed, 0, out, MAGIC.length + 1 + NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new VeilException("could not encrypt the session mapping", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    static byte[] open(byte[] key, byte[] blob) {
        int header = MAGIC.length + 1 + NONCE;
        if (blob.length < header + TAG_BITS / 8 || !Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new VeilException("not an exported Veil session mapping");
        }
        byte version = blob[MAGIC.length];
        if (version != VERSION && version != VERSION_1) {
            throw new VeilException("unsupported session mapping format version " + version);
        }
        byte[] nonce = Arrays.copyOfRange(blob, MAGIC.length + 1, header);
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, key, nonce, version == VERSION_1 ? AAD_1 : AAD_2);
            // The plain text starts with the format version, so read() knows how strings are written.
            byte[] plain = new byte[1 + c.getOutputSize(blob.length - header)];
            plain[0] = version;
            int n = c.doFinal(blob, header, blob.length - header, plain, 1);
            return n + 1 == plain.length ? plain : Arrays.copyOf(plain, n + 1);
        } catch (AEADBadTagException e) {
            throw new VeilException("cannot import the session mapping: wrong key, or the data was altered");
        } catch (GeneralSecurityException e) {
            throw new VeilException("cannot decrypt the session mapping", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, got " + key.length);
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(aad);
        return c;
    }

    static byte[] write(Vault.State s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeMap(out, s.tokenByValue);
            writeMap(out, s.valueByToken);
            writeMap(out, s.surrogateByValue);
            writeMap(out, s.valueBySurrogate);
            writeSet(out, s.unsafeSurrogates);
            writeSet(out, s.realValues);
            out.writeInt(s.counters.size());
            for (Map.Entry<String, Integer> e : s.counters.entrySet()) {
                writeString(out, e.getKey());
                out.writeInt(e.getValue());
            }
            writeSet(out, s.reserved);
            out.writeInt(s.persons.size());
            for (Person p : s.persons) {
                writeNullable(out, p.token);
                writeNullable(out, p.display);
                writeNullable(out, p.key);
                writeNullable(out, p.given);
                out.writeChar(p.initial);
                writeNullable(out, p.family);
                out.writeBoolean(p.anchor);
                writeNullable(out, p.fakeGiven);
                writeNullable(out, p.fakeFamily);
            }
        } catch (IOException e) {
            throw new VeilException("could not write the session mapping", e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #open} returned: the format version, then the state. */
    static Vault.State read(byte[] plain) {
        Vault.State s = new Vault.State();
        try (Strings in = new Strings(new ByteArrayInputStream(plain, 1, plain.length - 1), plain[0] == VERSION_1)) {
            readMap(in, s.tokenByValue);
            readMap(in, s.valueByToken);
            readMap(in, s.surrogateByValue);
            readMap(in, s.valueBySurrogate);
            readSet(in, s.unsafeSurrogates);
            readSet(in, s.realValues);
            int n = count(in);
            for (int i = 0; i < n; i++) {
                s.counters.put(in.string(), in.readInt());
            }
            readSet(in, s.reserved);
            n = count(in);
            for (int i = 0; i < n; i++) {
                Person p = new Person();
                p.token = readNullable(in);
                p.display = readNullable(in);
                p.key = readNullable(in);
                p.given = readNullable(in);
                p.initial = in.readChar();
                p.family = readNullable(in);
                p.anchor = in.readBoolean();
                p.fakeGiven = readNullable(in);
                p.fakeFamily = readNullable(in);
                s.persons.add(p);
            }
            if (in.available() != 0) {
                throw new VeilException("the session mapping has trailing data");
            }
        } catch (IOException e) {
            throw new VeilException("the session mapping is malformed");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return s;
    }

    private static int count(Strings in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 4 * Vault.MAX_VALUES + 100_000) {
            throw new IOException("bad count");
        }
        return n;
    }

    private static void writeMap(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    private static void readMap(Strings in, Map<String, String> m) throws IOException {
        int n = count(in);
        for (int i = 0; i < n; i++) {
            m.put(in.string(), in.string());
        }
    }

    private static void writeSet(DataOutputStream out, Collection<String> c) throws IOException {
        out.writeInt(c.size());
        for (String v : c) {
            writeString(out, v);
        }
    }

    private static void readSet(Strings in, Collection<String> c) throws IOException {
        int n = count(in);
        for (int i = 0; i < n; i++) {
            c.add(in.string());
        }
    }

    private static void writeNullable(DataOutputStream out, String v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            writeString(out, v);
        }
    }

    private static String readNullable(Strings in) throws IOException {
        return in.readBoolean() ? in.string() : null;
    }

    /** A length and the UTF-16 chars: any string, lone surrogates included (UTF-8 would turn them into '?'). */
    private static void writeString(DataOutputStream out, String v) throws IOException {
        out.writeInt(v.length());
        out.writeChars(v);
    }

    /** A data input that reads strings in the format version of the mapping. */
    private static final class Strings extends DataInputStream {
        private final boolean version1;

        Strings(ByteArrayInputStream in, boolean version1) {
            super(in);
            this.version1 = version1;
        }

        String string() throws IOException {
            if (version1) {
                return readUTF();
            }
            int n = readInt();
            if (n < 0 || n > available() / 2) {
                throw new IOException("bad string length");
            }
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = readChar();
            }
            return new String(chars);
        }
    }
}
