/**
 * Chart colours, each at least 3:1 against white (WCAG 2.2 1.4.11) and told apart by a shape too:
 * bars carry their value as text, series their own marker and a legend with words.
 */
export const INK = "#1b1f24";
export const BAR = "#0b5394";
export const GRID = "#6b7685";
export const SERIES_COLOURS = ["#0b5394", "#a61b1b", "#1d6b33", "#6a3d9a", "#8a5300", "#4a5360"] as const;
export const SERIES_SYMBOLS = ["circle", "square", "triangle", "diamond", "cross", "star"] as const;
