package org.truce.reports.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened as a file in a real browser (Debian's Chromium, headless, driven by Playwright; it never
 * downloads a browser): the page renders, its figures decode, the Russian text is laid out in the embedded font,
 * and a full-page screenshot is not blank. Needs Chromium at {@code /usr/bin/chromium} or {@code -Dtruce.chromium}.
 */
class DailyReportBrowserTest {
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    @TempDir
    Path dir;

    @Test
    void theHtmlReportRendersWithItsFiguresInChromium() throws Exception {
        Path chromium = Path.of(System.getProperty("truce.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is needed for the report's browser test but " + chromium + " is missing. Install it with "
                    + "'apt-get update && apt-get install -y chromium' (CI does), or point -Dtruce.chromium=<path> at one.");
        }
        SimulatedDay day = SimulatedDay.get();
        Path file = dir.resolve("report.html");
        Files.writeString(file, new DailyReportRenderer().html(day.report(Edition.PUBLIC), ReportLanguage.RU));
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(chromium).setHeadless(true).setArgs(CHROMIUM_ARGS))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1200, 900));
            page.setDefaultTimeout(120_000);
            page.navigate(file.toUri().toString());
            page.waitForLoadState();
            assertThat(page.locator("h1").textContent()).contains("Ежедневный совместный доклад");
            for (String id : List.of("#summary", "#map-figure img", "#kinds-chart img", "#hours-chart img",
                    "#counts-zone", "#checkpoint", "#coverage")) {
                assertThat(page.locator(id).isVisible()).as(id + " visible").isTrue();
            }
            for (String img : List.of("#map-figure img", "#kinds-chart img", "#hours-chart img")) {
                Object width = page.locator(img).evaluate("i => i.complete ? i.naturalWidth : 0");
                assertThat(((Number) width).intValue()).as(img + " decoded").isGreaterThan(500);
            }
            Object fontReady = page.evaluate("async () => { await document.fonts.ready; "
                    + "return document.fonts.check('12px \"" + ReportFont.FAMILY + "\"', 'Доклад'); }");
            assertThat(fontReady).as("embedded font loaded").isEqualTo(true);
            byte[] shot = page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setTimeout(120_000));
            Files.write(dir.resolve("report.png"), shot);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(shot));
            assertThat(img.getHeight()).as("a full page, several screens long").isGreaterThan(2000);
            assertThat(distinctColours(img)).as("not blank").isGreaterThan(50);
        }
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) seen.add(img.getRGB(x, y));
        }
        return seen.size();
    }
}
