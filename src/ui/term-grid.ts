/**
 * The columns of a description list laid out as terms beside their descriptions. A term column
 * sized to its longest term (max-content) left a phone's description column a word or two wide, or
 * pushed it past the screen's edge; here a term takes at most half the width and wraps beyond
 * it, and a description may shrink to any width (its words wrap).
 */
export const TERM_GRID_COLUMNS = "grid-cols-[fit-content(50%)_minmax(0,1fr)]";
