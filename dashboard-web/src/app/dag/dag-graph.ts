import { DOCUMENT } from '@angular/common';
import {
  CSP_NONCE,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import type { ExperimentDAG } from '@contract/api-types';
import cytoscape, { Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { LineageHighlight } from '../lineage/lineage-highlight';
import { ensureCytoscapeStylesheet } from './cytoscape-stylesheet';
import { dagElements } from './dag-elements';
import { DAG_STYLE } from './dag-style';

cytoscape.use(dagre);

/**
 * Layered top-to-bottom layout by dagre for the classes that have links: dependencies above
 * the classes that use them. Classes without any link go to a grid beside that graph (see
 * `layOut`): in dagre's top rank they made one long row that shrank every label when fitted.
 */
const LAYOUT = {
  name: 'dagre',
  rankDir: 'TB',
  nodeSep: 40,
  rankSep: 110,
  edgeSep: 24,
  padding: 30,
  fit: false,
} as const;
/** The node height of DAG_STYLE, for the grid of unlinked classes. */
const NODE_HEIGHT_PX = 64;

/** The class graph drawn by cytoscape. Emits the id of the clicked class, or null. */
@Component({
  selector: 'app-dag-graph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The canvas is for the eye; keyboard and screen-reader users pick classes from the list
  // of buttons the page shows under the graph.
  template: `<div
    #canvas
    class="graph"
    role="img"
    [attr.aria-label]="'Dependency graph of ' + dag().nodes.length + ' classes'"
    data-testid="dag-canvas"
  ></div>`,
  styles: `
    :host {
      display: block;
    }
    .graph {
      width: 100%;
      height: clamp(420px, 70vh, 900px);
    }
  `,
})
export class DagGraph {
  readonly dag = input.required<ExperimentDAG>();
  readonly selectedId = input<string | null>(null);
  readonly selectedIdChange = output<string | null>();
  /** An experiment's upstream and downstream classes, drawn out while the rest fades. */
  readonly lineage = input<LineageHighlight | null>(null);

  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private cy: Core | null = null;
  private drawnSignature = '';

  constructor() {
    const destroyRef = inject(DestroyRef);
    const document = inject(DOCUMENT);
    const nonce = inject(CSP_NONCE, { optional: true });
    afterNextRender(() => {
      ensureCytoscapeStylesheet(document, nonce);
      this.cy = cytoscape({
        container: this.canvas().nativeElement,
        style: DAG_STYLE,
        minZoom: 0.1,
        maxZoom: 2,
      });
      this.cy.on('tap', 'node', (event) => this.selectedIdChange.emit(event.target.id() as string));
      this.cy.on('tap', (event) => {
        if (event.target === this.cy) {
          this.selectedIdChange.emit(null);
        }
      });
      this.draw(this.dag());
      this.highlight(this.selectedId());
      this.highlightLineage(this.lineage());
      if (typeof ResizeObserver !== 'undefined') {
        // The side panel narrows the canvas: fit again so no class ends up off-screen.
        const observer = new ResizeObserver(() => {
          this.cy?.resize();
          this.cy?.fit(undefined, LAYOUT.padding);
        });
        observer.observe(this.canvas().nativeElement);
        destroyRef.onDestroy(() => observer.disconnect());
      }
    });
    effect(() => this.draw(this.dag()));
    effect(() => this.highlight(this.selectedId()));
    effect(() => this.highlightLineage(this.lineage()));
    destroyRef.onDestroy(() => this.cy?.destroy());
  }

  /** Redraws and re-lays out only when the graph's shape or labels changed. */
  private draw(dag: ExperimentDAG): void {
    const cy = this.cy;
    if (cy === null) {
      return;
    }
    const { nodes, edges } = dagElements(dag);
    const signature = JSON.stringify([nodes, edges]);
    if (signature === this.drawnSignature) {
      return;
    }
    this.drawnSignature = signature;
    cy.batch(() => {
      cy.elements().remove();
      cy.add([...nodes, ...edges]);
    });
    layOut(cy);
    this.highlight(this.selectedId());
    this.highlightLineage(this.lineage());
  }

  private highlightLineage(lineage: LineageHighlight | null): void {
    const cy = this.cy;
    if (cy === null) {
      return;
    }
    cy.batch(() => {
      cy.elements().removeClass('lineage-self upstream downstream lineage-edge faded');
      if (lineage === null) {
        return;
      }
      cy.nodes().forEach((node) => {
        const id = node.id();
        if (id === lineage.self) node.addClass('lineage-self');
        else if (lineage.upstream.has(id)) node.addClass('upstream');
        else if (lineage.downstream.has(id)) node.addClass('downstream');
        else node.addClass('faded');
      });
      cy.edges().forEach((edge) => {
        edge.addClass(lineage.edges.has(edge.id()) ? 'lineage-edge' : 'faded');
      });
    });
  }

  private highlight(id: string | null): void {
    const cy = this.cy;
    if (cy === null) {
      return;
    }
    cy.batch(() => {
      cy.elements().removeClass('selected highlighted');
      if (id !== null) {
        const node = cy.getElementById(id);
        node.addClass('selected');
        node.connectedEdges().addClass('highlighted');
      }
    });
  }
}

/**
 * dagre for the linked classes; cytoscape's grid layout for the unlinked ones, to the right of
 * the linked graph and about as tall as it (landscape when nothing is linked); then fit.
 */
function layOut(cy: Core): void {
  const linked = cy.nodes().filter((node) => node.degree(false) > 0);
  const unlinked = cy
    .nodes()
    .filter((node) => node.degree(false) === 0)
    .sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
  if (linked.nonempty()) {
    linked.union(linked.connectedEdges()).layout(LAYOUT).run();
  }
  if (unlinked.nonempty()) {
    const box = linked.nonempty() ? linked.boundingBox() : null;
    const rowHeight = NODE_HEIGHT_PX + LAYOUT.nodeSep;
    const rows = box
      ? Math.floor((box.h + LAYOUT.nodeSep) / rowHeight)
      : Math.round(Math.sqrt(unlinked.length / 3));
    const rowCount = Math.min(unlinked.length, Math.max(1, rows));
    const columnCount = Math.ceil(unlinked.length / rowCount);
    const cellWidth =
      Math.max(...unlinked.map((node) => Number(node.data('width')) || 0)) + LAYOUT.nodeSep;
    unlinked
      .layout({
        name: 'grid',
        fit: false,
        rows: rowCount,
        cols: columnCount,
        boundingBox: {
          x1: box ? box.x2 + LAYOUT.rankSep : 0,
          y1: box ? box.y1 : 0,
          w: columnCount * cellWidth,
          h: rowCount * rowHeight,
        },
      })
      .run();
  }
  cy.fit(undefined, LAYOUT.padding);
}
