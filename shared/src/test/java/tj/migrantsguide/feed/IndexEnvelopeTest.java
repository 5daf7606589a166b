package tj.migrantsguide.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.TestKeys;

class IndexEnvelopeTest {
    private static final byte[] BODY = "{\"format\":2,\"version\":7}".getBytes(StandardCharsets.UTF_8);
    private final SigningKey development = TestKeys.development();
    private final TrustedKeys trusted = TestKeys.pinnedDevelopment();

    @Test
    void findsTheSignedBytesExactlyAsWrittenAndVerifiesThem() throws Exception {
        byte[] file = IndexEnvelope.write(BODY, List.of(development));
        IndexEnvelope envelope = IndexEnvelope.parse("index.json", file);

        assertArrayEquals(BODY, envelope.signedBytes());
        assertEquals(new TrustedKeys.Verification.Verified(development.publicKey()), trusted.verify(envelope));
    }

    @Test
    void findsTheSignedBytesWhereverTheyAreInTheFile() throws Exception {
        String signature = Base64.getEncoder().encodeToString(FeedKeys.sign(development, BODY));
        String file = "{ \"signatures\" : [ {\"sig\":\"" + signature + "\", \"keyid\":\"" + development.keyId()
                + "\"} ],\n  \"signed\" : " + new String(BODY, StandardCharsets.UTF_8) + " }\n";

        IndexEnvelope envelope = IndexEnvelope.parse("index.json", file.getBytes(StandardCharsets.UTF_8));

        assertArrayEquals(BODY, envelope.signedBytes());
        assertInstanceOf(TrustedKeys.Verification.Verified.class, trusted.verify(envelope));
    }

    @Test
    void aSignatureCoversTheBytesNotTheMeaning() throws Exception {
        // The same JSON with one more space is other bytes: the signature must not match.
        String file = new String(IndexEnvelope.write(BODY, List.of(development)), StandardCharsets.UTF_8)
                .replace("\"version\":7", "\"version\": 7");
        IndexEnvelope envelope = IndexEnvelope.parse("index.json", file.getBytes(StandardCharsets.UTF_8));

        assertEquals(new TrustedKeys.Verification.BadSignature(List.of(development.keyId())), trusted.verify(envelope));
    }

    @Test
    void aSignatureOverTheBareBytesWithoutTheFeedContextDoesNotVerify() throws Exception {
        // Whatever else the key may have signed, it cannot be passed off as an index signature.
        Signature raw = Signature.getInstance("Ed25519");
        raw.initSign(development.privateKey());
        raw.update(BODY);
        String file = "{\"signed\":" + new String(BODY, StandardCharsets.UTF_8) + ",\"signatures\":[{\"keyid\":\""
                + development.keyId() + "\",\"sig\":\"" + Base64.getEncoder().encodeToString(raw.sign()) + "\"}]}";

        assertInstanceOf(TrustedKeys.Verification.BadSignature.class,
                trusted.verify(IndexEnvelope.parse("index.json", file.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void onlySignaturesByTrustedKeysAreChecked() throws Exception {
        SigningKey stranger = TestKeys.derived("stranger");
        IndexEnvelope envelope = IndexEnvelope.parse("index.json", IndexEnvelope.write(BODY, List.of(stranger)));

        assertEquals(new TrustedKeys.Verification.UnknownKey(List.of(stranger.keyId())), trusted.verify(envelope));
        assertInstanceOf(TrustedKeys.Verification.Verified.class,
                trusted.plus(TrustedKeys.of(List.of(stranger.publicKey()))).verify(envelope));
    }

    @Test
    void oneValidSignatureByATrustedKeyIsEnoughAmongOthers() throws Exception {
        IndexEnvelope envelope = IndexEnvelope.parse("index.json",
                IndexEnvelope.write(BODY, List.of(TestKeys.derived("stranger"), development)));
        assertEquals(new TrustedKeys.Verification.Verified(development.publicKey()), trusted.verify(envelope));
    }

    @Test
    void refusesEnvelopesThatCouldBeReadTwoWays() {
        String body = new String(BODY, StandardCharsets.UTF_8);
        assertProblem("'signed' appears twice", "{\"signed\":" + body + ",\"signed\":" + body + ",\"signatures\":[]}");
        assertProblem("unknown field 'version'", "{\"signed\":" + body + ",\"signatures\":[],\"version\":9}");
        assertProblem("missing field 'signatures'", "{\"signed\":" + body + "}");
        assertProblem("field 'signed' must be an object", "{\"signed\":\"" + body + "\",\"signatures\":[]}");
        assertProblem("not valid JSON: something after the envelope", "{\"signed\":" + body + ",\"signatures\":[]}{}");
    }

    @Test
    void refusesMoreSignaturesThanAnyFeedNeeds() {
        String one = "{\"keyid\":\"" + "a".repeat(64) + "\",\"sig\":\"AAAA\"}";
        String many = String.join(",", java.util.Collections.nCopies(IndexEnvelope.MAX_SIGNATURES + 1, one));
        FeedFormatException e = assertThrows(FeedFormatException.class, () -> IndexEnvelope.parse("index.json",
                ("{\"signed\":{},\"signatures\":[" + many + "]}").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.problem().startsWith("more than"), e.problem());
    }

    private static void assertProblem(String problem, String file) {
        FeedFormatException e = assertThrows(FeedFormatException.class,
                () -> IndexEnvelope.parse("index.json", file.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.problem().startsWith(problem), e.problem());
    }
}
