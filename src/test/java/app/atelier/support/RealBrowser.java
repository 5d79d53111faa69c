package app.atelier.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver, so nothing is downloaded.
 * Outside CI, a machine without them skips browser tests; in CI their absence fails the run.
 */
public final class RealBrowser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension LAPTOP = new Dimension(1366, 900);

    public final ChromeDriver driver;
    private final String base;
    private String journey = "page";
    private int pages;

    /** Whether the pages' own scripts are off, as some people have them; axe still runs, as a tool outside the page. */
    private boolean scriptsOff;

    private RealBrowser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser for the app; {@code javascript} false turns scripts off, as some people do. */
    public static RealBrowser open(Site site, boolean javascript) {
        assumeTrue(System.getenv("CI") != null || (CHROMIUM.canExecute() && CHROMEDRIVER.canExecute()),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-GB", "--window-size=1366,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        var browser = new RealBrowser(driver, "http://localhost:" + site.app.port());
        if (!javascript) browser.scripts(false);
        return browser;
    }

    public RealBrowser go(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public RealBrowser type(String css, String text) {
        var field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks something that changes the page in place, or opens a part of it. */
    public RealBrowser click(String css) {
        find(css).click();
        return this;
    }

    /** Clicks something that loads another page, and waits until it has. */
    public RealBrowser follow(String css) {
        return follow(find(css));
    }

    public RealBrowser follow(WebElement element) {
        var page = find("html");
        element.click();
        return awaitNewPage(page);
    }

    /** Waits until the page that {@code old} belongs to is gone; Chromium reports a gone node in more than one way. */
    public RealBrowser awaitNewPage(WebElement old) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            try {
                old.getTagName();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void waitFor(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** The window at this size, a phone's or a laptop's. */
    public RealBrowser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /** Whether the page is wider than the window, so that a phone would scroll sideways to read it. */
    public boolean overflowsSideways() {
        return (Boolean) driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
    }

    /**
     * Turns the pages' scripts off or on for what loads next, as the browser's setting does. Turned off by the
     * browser's own setting instead, axe (which needs timers) waited out its 30 s timeout on every page.
     */
    private void scripts(boolean on) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
        scriptsOff = !on;
    }

    /**
     * No serious or critical WCAG 2.2 AA violation on the page as it is now; the page is then kept as screenshots
     * at a phone's and a laptop's width, numbered in the order of the journey.
     */
    public void assertAccessible() {
        boolean off = scriptsOff;
        if (off) scripts(true); // the page has loaded without its scripts; axe runs on it as it is
        Results results;
        try {
            results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        } finally {
            if (off) scripts(false);
        }
        List<Rule> grave = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        String report = grave.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertEquals("", report, "axe on " + path());
        AxeLog.record(path(), results.getViolations().size(), results.getPasses().size());
        String page = path().replaceAll("[?#].*", "").replaceAll("/[A-Za-z0-9_-]{20,}", "/link").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        screenshots("%s-%02d-%s".formatted(journey, ++pages, page.isEmpty() ? "home" : page));
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("screenshot " + name, e);
        }
    }

    /** The page at a phone's and a laptop's width, full height; the window then comes back to its size. */
    public void screenshots(String name) {
        var before = driver.manage().window().getSize();
        for (var size : Map.of("phone", PHONE, "laptop", LAPTOP).entrySet()) {
            size(size.getValue());
            long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
            size(new Dimension(size.getValue().width, (int) Math.min(height + 100, 4000)));
            screenshot(name + "-" + size.getKey());
        }
        size(before);
    }

    /** Runs the steps; when one fails, the page it failed on is saved as a screenshot first. */
    public void run(String name, Site.Steps steps, Site site) throws Exception {
        journey = name;
        pages = 0;
        try {
            steps.run(site);
        } catch (Throwable failure) {
            screenshot("failure-" + name);
            throw failure;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** What axe found on each page checked, written for a person to read. */
    static final class AxeLog {
        private static final Path FILE = Path.of("target", "axe-results.txt");
        private static boolean started;

        static synchronized void record(String page, int violations, int passes) {
            try {
                Files.createDirectories(FILE.getParent());
                if (!started) Files.deleteIfExists(FILE);
                started = true;
                Files.writeString(FILE, page + ": " + violations + " minor or moderate findings, " + passes + " rules passed, 0 serious or critical\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
