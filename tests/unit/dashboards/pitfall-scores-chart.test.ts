import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BAND_COLOURS, RISK_BANDS } from "@/domain/scoring/bands";
import { contrastRatio } from "@/domain/scoring/contrast";
import { PitfallScoresChart, SCORE_LABEL_COLOURS } from "@/features/dashboards/pitfall-scores-chart";

describe("contrast", () => {
  it("measures WCAG contrast: 21 for black on white, 1 for a colour on itself, either way round", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#800026", "#800026")).toBe(1);
    // The dark score text straight on the Critical colour: what was unreadable.
    expect(contrastRatio("#0f172a", BAND_COLOURS.critical.background)).toBeLessThan(4.5);
    expect(() => contrastRatio("red", "#ffffff")).toThrow(/#rrggbb/);
  });
});

describe("the bar chart's score figures", () => {
  it("read at AA contrast wherever they sit: on their own background, beside or on a bar of any band", () => {
    expect(contrastRatio(SCORE_LABEL_COLOURS.text, SCORE_LABEL_COLOURS.background)).toBeGreaterThanOrEqual(
      4.5,
    );
    const bars = RISK_BANDS.map((band, index) => ({ name: `Pitfall ${index}`, score: 96.1 - index, band }));
    const markup = renderToStaticMarkup(h(PitfallScoresChart, { bars }));
    const labels = [...markup.matchAll(/<span[^>]*data-testid="score-label"[^>]*>([^<]*)<\/span>/g)];
    expect(labels.map((label) => label[1])).toEqual(bars.map((bar) => bar.score.toFixed(1)));
    for (const [label] of labels) {
      expect(label).toContain("background-color:#ffffff");
      expect(label).toContain("color:#1a1a1a");
    }
  });
});
