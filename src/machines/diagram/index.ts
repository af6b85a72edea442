/** Diagrams generated from the compiled machines (docs/beheer-en-rapportages.md). Pure: no I/O. */
export * from './diagram-graph';
export { toMermaid, mermaidText, edgeLabelText } from './mermaid';
export type { MermaidOptions } from './mermaid';
export { toSvg, layoutDiagram, renderSvg, escapeXml, edgeLabelLines, FASE_STYLES } from './svg';
export type { SvgOptions, LayoutOptions, DiagramLayout, DiagramOverlay, StateOverlay } from './svg';
