package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinksTest {
    @Test
    void linksAndTheSpaceBeforeThemAreLeftOut() {
        assertEquals("Спросите в представительстве Министерства в России.",
                Links.strip("Спросите в представительстве Министерства в России [[ministry-office-russia]]."));
        assertEquals("See and.", Links.strip("See [[TJ/foreign-passport]] and [[entry-ban]]."));
    }

    @Test
    void textWithoutLinksIsUnchangedAndBracketsThatAreNoLinkStay() {
        assertEquals("no links here", Links.strip("no links here"));
        assertEquals("[[not a link]]", Links.strip("[[not a link]]"));
    }
}
