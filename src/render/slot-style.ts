/** The slot's fixed typography: padding inside the box, label size, line leading. Shared by layout and the declaration check. */
export const SLOT_STYLE = { paddingMm: 3, labelSize: 7, leading: 1.25 } as const;
