package tj.migrantsguide.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicAddressTest {
    @Test
    void theDevelopmentPlaceholdersAreNotPublicAddressesAndSayWhy() {
        assertEquals(Optional.of("not https"), PublicAddress.whyNot("http://127.0.0.1:8080/get-the-app"));
        assertEquals(Optional.of("a loopback or private network address"), PublicAddress.whyNot("https://127.0.0.1:8443/feed/"));
        assertEquals(Optional.of("a loopback or private network address"), PublicAddress.whyNot("https://192.168.1.20/"));
        assertEquals(Optional.of("a reserved example or local name"), PublicAddress.whyNot("https://guide.example.org/feed/"));
        assertEquals(Optional.of("a reserved example or local name"), PublicAddress.whyNot("https://localhost/feed/"));
        assertEquals(Optional.of("a template, not an address"), PublicAddress.whyNot("https://…/get-the-app"));
        assertEquals(Optional.of("not set"), PublicAddress.whyNot("${app.download.url}"));
        assertEquals(Optional.of("not set"), PublicAddress.whyNot(" "));
        assertEquals(Optional.of("no host"), PublicAddress.whyNot("https:///feed"));
    }

    @Test
    void aRealHttpsAddressIsPublic() {
        assertTrue(PublicAddress.isPublic("https://apps.ministry-of-labour.tj/get-the-app"));
        assertTrue(PublicAddress.isPublic("https://8.8.8.8/feed/"));
    }
}
