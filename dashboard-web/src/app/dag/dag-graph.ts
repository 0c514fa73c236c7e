import {
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
import { dagElements } from './dag-elements';
import { DAG_STYLE } from './dag-style';

cytoscape.use(dagre);

/**
 * Layered top-to-bottom layout by dagre: dependencies above the classes that use them. Classes
 * without links share the top rank, which uses the width of a landscape screen.
 */
const LAYOUT = {
  name: 'dagre',
  rankDir: 'TB',
  nodeSep: 40,
  rankSep: 110,
  edgeSep: 24,
  padding: 30,
  fit: true,
} as const;

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

  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private cy: Core | null = null;
  private drawnSignature = '';

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
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
    cy.layout(LAYOUT).run();
    this.highlight(this.selectedId());
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
