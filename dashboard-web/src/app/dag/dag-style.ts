import type { StylesheetJson } from 'cytoscape';

// Canvas colours cannot read CSS variables: these repeat the theme's values.
const COLORS = {
  surface: '#1a2233',
  text: '#e6eaf2',
  muted: '#97a3ba',
  border: '#4a5878',
  primary: '#7aa2ff',
  success: '#3fb950',
  failed: '#f85149',
  running: '#58a6ff',
  edge: '#6b7a99',
  upstream: '#d29922',
  downstream: '#c49bff',
} as const;

export const DAG_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 'data(width)',
      height: 64,
      'background-color': COLORS.surface,
      'border-width': 2,
      'border-color': COLORS.border,
      label: 'data(label)',
      color: COLORS.text,
      'font-size': 12,
      'text-wrap': 'wrap',
      'text-valign': 'center',
      'text-halign': 'center',
      'line-height': 1.35,
    },
  },
  {
    selector: 'node[tone = "success"]',
    style: { 'border-color': COLORS.success },
  },
  {
    selector: 'node[tone = "running"]',
    style: { 'border-color': COLORS.running },
  },
  {
    selector: 'node[tone = "failed"]',
    style: { 'border-color': COLORS.failed },
  },
  {
    selector: 'node.selected',
    style: { 'border-color': COLORS.primary, 'border-width': 4 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'control-point-step-size': 48,
      'line-color': COLORS.edge,
      'target-arrow-color': COLORS.edge,
      'target-arrow-shape': 'triangle',
      label: 'data(label)',
      color: COLORS.muted,
      'font-size': 11,
      'text-background-color': '#0b0f17',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-rotation': 'none',
    },
  },
  {
    selector: 'edge.highlighted',
    style: {
      width: 3,
      'line-color': COLORS.primary,
      'target-arrow-color': COLORS.primary,
      color: COLORS.text,
      'z-index': 10,
    },
  },
  {
    selector: 'node.lineage-self',
    style: { 'border-color': COLORS.primary, 'border-width': 5 },
  },
  {
    selector: 'node.upstream',
    style: { 'border-color': COLORS.upstream, 'border-width': 4 },
  },
  {
    selector: 'node.downstream',
    style: { 'border-color': COLORS.downstream, 'border-width': 4 },
  },
  {
    selector: 'edge.lineage-edge',
    style: {
      width: 3,
      'line-color': COLORS.primary,
      'target-arrow-color': COLORS.primary,
      'z-index': 10,
    },
  },
  {
    selector: '.faded',
    style: { opacity: 0.25 },
  },
];
