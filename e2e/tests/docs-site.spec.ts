/**
 * Issue 13, the documentation site (apps/docs, served at /docs/ by the IDE's server): the
 * guide (the README), an API page made by TypeDoc from the core's TSDoc, a gallery
 * example's page made from its module, local search; nothing loads from another origin
 * and the pages' policy is never violated; the IDE's Help panel links to it.
 */
import { expect, type Page, test } from "@playwright/test";
import { HH_EXAMPLE } from "../../apps/ide/src/gallery/hh-example.js";
import { EXAMPLES } from "./gallery-examples.js";
import { openApp, shot } from "./helpers.js";

test.use({ viewport: { width: 1280, height: 720 } });

/** Records requests to other origins, failed responses, CSP violations and console errors of `page`. */
async function watchProblems(page: Page, origin: string): Promise<string[]> {
  const problems: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) problems.push(`request to ${url}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return problems;
}

test("the guide, an API page from the TSDoc, an example's page and search, all from this server", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? "").origin;
  const problems = await watchProblems(page, origin);

  // The guide: the README as the home page, with its screenshots.
  await page.goto("/docs/");
  await expect(page.locator("h1").first()).toHaveText(/Dendrolab/);
  await expect(page.getByRole("heading", { name: /Two commands/ })).toBeVisible();
  const overview = page.locator('img[alt^="The IDE on open"]');
  await expect(overview).toBeVisible();
  expect(await overview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  await shot(page, "docs-home");
  // The README's link to docs/README-ide.md is the guide's IDE page.
  await page.locator(".vp-doc a", { hasText: "docs/README-ide.md" }).first().click();
  await expect(page).toHaveURL(/\/docs\/guide\/ide\.html$/);
  await expect(page.locator("h1").first()).toBeVisible();

  // The API: the core's entry points, a module, a function with its TSDoc.
  await page.locator(".VPNavBar").getByRole("link", { name: "API" }).click();
  await expect(page.locator("h1")).toHaveText(/API reference/);
  await page.locator(".vp-doc a", { hasText: /^@dendrolab\/core$/ }).click();
  await page
    .locator(".vp-doc a", { hasText: /^integrate$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/docs\/api\/core\/functions\/integrate\.html$/);
  await expect(page.locator("h1")).toHaveText(/integrate\(\)/);
  // Its TSDoc (packages/core/src/train/integrate.ts) and its example.
  await expect(page.locator(".vp-doc")).toContainText("the exact discrete adjoint (float64)");
  await expect(page.locator(".vp-doc pre").first()).toContainText("function integrate(module, options?)");
  await expect(page.locator(".vp-doc pre").last()).toContainText("const v = integrate(cell);");
  await shot(page, "docs-api-integrate");

  // The examples (apps/docs/test/gallery-pages.test.ts checks that every entry has a page), and
  // an example's page made from its module.
  await page.locator(".VPNavBar").getByRole("link", { name: "Examples" }).click();
  for (const { title } of EXAMPLES) await expect(page.locator(".vp-doc li", { hasText: title })).toHaveCount(1);
  await page.locator(".vp-doc a", { hasText: HH_EXAMPLE.title }).click();
  await expect(page).toHaveURL(/\/docs\/examples\/hh\.html$/);
  await expect(page.locator("h1")).toHaveText(HH_EXAMPLE.title);
  const firstSentence = HH_EXAMPLE.explanation.split("\n")[0].replace(/:$/, "");
  await expect(page.locator(".vp-doc")).toContainText(firstSentence);
  await expect(page.locator(".vp-doc pre").last()).toContainText('import { HH } from "@dendrolab/core/channels";');
  await shot(page, "docs-example-hh");

  // Local search finds an API page and opens it.
  await page.locator(".VPNavBar .DocSearch-Button, .VPNavBar #local-search button").first().click();
  await page.getByPlaceholder(/search/i).fill("loadNmodl");
  await shot(page, "docs-search");
  await page.locator(".VPLocalSearchBox .result", { hasText: /^#?\s*Function: loadNmodl\(\)$/ }).click();
  await expect(page).toHaveURL(/\/docs\/api\/core\/functions\/loadNmodl\.html/);
  await expect(page.locator(".vp-doc")).toContainText("A mechanism class from the text of a NEURON .mod file");

  expect(problems).toEqual([]);
});

test("the docs' headers: their own policy without eval or inline scripts but their own, no framing", async ({
  request,
}) => {
  const home = await request.get("/docs/");
  expect(home.status()).toBe(200);
  const csp = home.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  // Each inline script of the page is allowed by its hash, and only those.
  const inline = [...(await home.text()).matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;
  expect(inline).toBeGreaterThan(0);
  expect(csp.match(/'sha256-/g)?.length).toBe(inline);
  expect(home.headers()["x-frame-options"]).toBe("DENY");
  const missing = await request.get("/docs/no-such-page.html");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("404");
  const folder = await request.get("/docs/api", { maxRedirects: 0 });
  expect(folder.status()).toBe(301);
  expect(folder.headers().location).toBe("/docs/api/");
  // The IDE keeps its own policy.
  expect((await request.get("/")).headers()["content-security-policy"]).toMatch(/script-src 'self';/);
});

test("the Help panel's Documentation link opens the site in a new tab", async ({ page, context }) => {
  await openApp(page);
  await page.getByTestId("help").click();
  const link = page.getByTestId("help-docs");
  await expect(link).toHaveAttribute("target", "_blank");
  await shot(page, "help-docs");
  const [docs] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await expect(docs).toHaveURL(/\/docs\/$/);
  await expect(docs.locator("h1").first()).toHaveText(/Dendrolab/);
  await expect(docs.getByRole("heading", { name: /Two commands/ })).toBeVisible();
});
