// Contrast of the palette at WCAG 2.1 AA, without a browser: reads the colour custom
// properties of static/style.css for the light theme and for the dark one (each written
// `light-dark(light, dark)`, which follows the system or a theme forced by ?theme=) and checks every pair the
// style draws on each other by the WCAG relative-luminance formula: text 4.5:1; focus
// indicators, control borders and graphics that carry meaning (state strokes of the graph,
// timeline marks) 3:1. axe checks the rendered page too (a11y.test.mjs); this test also
// covers states and themes a page visit may not show.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const css = readFileSync(new URL("../../static/style.css", import.meta.url), "utf8");

/** The custom properties of the `:root` blocks, split by theme. */
export function palettes(text) {
  const light = {};
  const dark = {};
  const darkMedia = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/g;
  const darkBodies = [...text.matchAll(darkMedia)].map((m) => m[1]);
  const withoutDark = text.replace(darkMedia, "");
  const lightBodies = [...withoutDark.matchAll(/:root\s*\{([^}]*)\}/g)].map((m) => m[1]);
  // A value is a colour for both themes, or light-dark(light, dark).
  const read = (bodies, into, which) => {
    for (const body of bodies) {
      for (const m of body.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) {
        const both = /^light-dark\(\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\)$/.exec(m[2].trim());
        into[m[1]] = both ? both[which] : m[2].trim();
      }
    }
  };
  read(lightBodies, light, 1);
  const lightDark = {};
  read(lightBodies, lightDark, 2);
  read(darkBodies, dark, 2);
  return { light, dark: { ...lightDark, ...dark } };
}

function luminance(hex) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  assert.ok(m, `not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function ratio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const GRAPHIC = 3;
const SURFACES = ["bg", "panel"];
const STATES = ["pending", "creating", "ready", "running", "terminating", "failed", "released"];

/** [foreground, background, minimum, where] for every pair the style draws. */
function pairs() {
  const list = [];
  const on = (fg, bgs, min, where) => bgs.forEach((bg) => list.push([fg, bg, min, where]));
  on("text", SURFACES, TEXT, "body text");
  on("muted", SURFACES, TEXT, "secondary text, panel titles, edge labels");
  on("accent", SURFACES, TEXT, "console commands, lessons button");
  on("danger", [...SURFACES, "danger-bg"], TEXT, "errors and warnings");
  on("accent-text", ["accent"], TEXT, "primary buttons");
  on("k-pending", ["bg"], TEXT, "warning line numbers in the editor");
  on("k-ready", ["panel"], TEXT, "passed checks, finished lessons");
  on("focus", [...SURFACES, "k-plain-bg", ...STATES.map((s) => `k-${s}-bg`)], GRAPHIC, "focus ring and selected box");
  on("control", [...SURFACES, "k-plain-bg"], GRAPHIC, "borders of controls and plain graph boxes");
  on("muted", ["panel"], GRAPHIC, "graph edges");
  for (const state of ["plain", ...STATES]) {
    on("text", [`k-${state}-bg`], TEXT, `box title, ${state}`);
    on("muted", [`k-${state}-bg`], TEXT, `box detail, ${state}`);
  }
  for (const state of STATES) {
    on(`k-${state}`, [`k-${state}-bg`], GRAPHIC, `box border, ${state}`);
    on(`k-${state}`, ["panel"], GRAPHIC, `box border against the panel, ${state}`);
  }
  for (const mark of ["accent", "m-scheduler", "k-ready", "m-binding", "m-dns", "k-terminating", "danger", "muted"]) {
    on(mark, ["panel"], GRAPHIC, "timeline mark");
  }
  for (const token of ["text", "t-key", "t-string", "t-number", "t-comment", "t-doc", "t-anchor"]) {
    on(token, ["bg"], TEXT, "highlighted YAML in the editor");
  }
  return list;
}

test("the palette's colour pairs meet WCAG AA in both themes", () => {
  const themes = palettes(css);
  const failures = [];
  let checked = 0;
  for (const [theme, palette] of Object.entries(themes)) {
    for (const [fg, bg, min, where] of pairs()) {
      assert.ok(palette[fg] && palette[bg], `${theme}: --${fg} or --${bg} is not defined`);
      const r = ratio(palette[fg], palette[bg]);
      checked += 1;
      if (r < min) failures.push(`${theme}: --${fg} ${palette[fg]} on --${bg} ${palette[bg]} is ${r.toFixed(2)}:1, needs ${min}:1 (${where})`);
    }
  }
  assert.ok(checked > 100, `only ${checked} pairs checked`);
  assert.deepEqual(failures, []);
});

test("colours are declared only as custom properties of the palette", () => {
  const rules = css.replace(/:root\s*\{[^}]*\}/g, "");
  assert.deepEqual(rules.match(/#[0-9a-f]{3,8}\b/gi) ?? [], []);
});

test("the checker reads both themes and knows the WCAG formula", () => {
  assert.equal(ratio("#000000", "#ffffff").toFixed(2), "21.00");
  assert.equal(ratio("#777777", "#ffffff").toFixed(2), "4.48");
  const { light, dark } = palettes(":root { --a: #ffffff; --b: #000000; }\n@media (prefers-color-scheme: dark) {\n  :root { --a: #111111; }\n}\n");
  assert.deepEqual(light, { a: "#ffffff", b: "#000000" });
  assert.deepEqual(dark, { a: "#111111", b: "#000000" });
  const both = palettes(":root { --a: light-dark(#ffffff, #222222); --b: #000000; }\n");
  assert.deepEqual(both, { light: { a: "#ffffff", b: "#000000" }, dark: { a: "#222222", b: "#000000" } });
});
