package tj.migrantsguide.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.TestKeys;

class FeedKeysTest {
    @Test
    void keyFilesReadBackAsTheSameKeys() throws Exception {
        SigningKey key = FeedKeys.generate(new SecureRandom());

        SigningKey read = FeedKeys.readPrivateKeyFile("private.key", FeedKeys.writePrivateKeyFile(key));
        List<FeedKey> pinned = FeedKeys.readPublicKeyFile("public.key",
                FeedKeys.writePublicKeyFile(List.of(key.publicKey(), TestKeys.development().publicKey())));

        assertEquals(key.keyId(), read.keyId());
        assertEquals(List.of(key.publicKey(), TestKeys.development().publicKey()), pinned);
        byte[] message = "index".getBytes();
        assertTrue(FeedKeys.verify(key.publicKey(), message, FeedKeys.sign(read, message)));
    }

    @Test
    void refusesAPrivateKeyFileWhoseHalvesBelongToDifferentKeys() throws Exception {
        String mine = FeedKeys.writePrivateKeyFile(FeedKeys.generate(new SecureRandom()));
        String other = TestKeys.development().publicKey().base64();
        String mixed = mine.replaceAll("(?m)^public: .*$", "public: " + other);

        KeyFileException e = assertThrows(KeyFileException.class, () -> FeedKeys.readPrivateKeyFile("k", mixed));
        assertTrue(e.problem().contains("not the public half"), e.problem());
    }

    @Test
    void tellsAPublicKeyFileFromAPrivateOne() throws Exception {
        String publicFile = FeedKeys.writePublicKeyFile(List.of(TestKeys.development().publicKey()));
        String privateFile = FeedKeys.writePrivateKeyFile(TestKeys.development());

        assertTrue(assertThrows(KeyFileException.class, () -> FeedKeys.readPrivateKeyFile("public.key", publicFile))
                .problem().contains("public key file"));
        assertTrue(assertThrows(KeyFileException.class, () -> FeedKeys.readPublicKeyFile("private.key", privateFile))
                .problem().contains("private key file"));
    }

    @Test
    void theDevelopmentKeyIdNamesTheCommittedDevelopmentKey() throws Exception {
        String publicFile = Files.readString(TestKeys.DEVELOPMENT_FOLDER.resolve("public.key"));
        FeedKey pinned = FeedKeys.readPublicKeyFile("public.key", publicFile).get(0);

        assertEquals(FeedKeys.DEVELOPMENT_KEY_ID, pinned.keyId());
        assertEquals(FeedKeys.DEVELOPMENT_KEY_ID, TestKeys.development().keyId());
    }

    @Test
    void keyIdsReadWithoutMakingKeysAreTheIdsOfTheKeys() throws Exception {
        SigningKey mine = FeedKeys.generate(new SecureRandom());
        String file = FeedKeys.writePublicKeyFile(List.of(mine.publicKey(), TestKeys.development().publicKey()));

        assertEquals(List.of(mine.keyId(), FeedKeys.DEVELOPMENT_KEY_ID), FeedKeys.keyIdsOfPublicKeyFile("k", file));
        assertEquals(List.of(FeedKeys.DEVELOPMENT_KEY_ID), FeedKeys.keyIdsOfPublicKeyFile("public.key",
                Files.readString(TestKeys.DEVELOPMENT_FOLDER.resolve("public.key"))));
        assertTrue(assertThrows(KeyFileException.class, () -> FeedKeys.keyIdsOfPublicKeyFile("k", "public: ***"))
                .problem().contains("not base64"));
    }

    @Test
    void derivedTestKeysAreTheSameEveryRunAndDifferByName() {
        assertEquals(TestKeys.derived("key-b").keyId(), TestKeys.derived("key-b").keyId());
        assertNotEquals(TestKeys.derived("key-b").keyId(), TestKeys.derived("key-c").keyId());
    }

    @Test
    void aSigningKeyNeverPrintsItsPrivateHalf() {
        SigningKey key = TestKeys.development();
        assertEquals("SigningKey[" + key.keyId() + "]", key.toString());
    }
}
