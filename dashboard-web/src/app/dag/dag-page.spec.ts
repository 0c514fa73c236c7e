import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, input, output } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DAGNode, ExperimentDAG } from '@contract/api-types';
import { stubChangeFeed } from '../../testing/stub-change-feed';
import type { LineageHighlight } from '../lineage/lineage-highlight';
import { DagGraph } from './dag-graph';
import { DagPage } from './dag-page';

/** Stands in for the cytoscape canvas, which jsdom cannot draw. */
@Component({ selector: 'app-dag-graph', template: '' })
class DagGraphStub {
  readonly dag = input.required<ExperimentDAG>();
  readonly selectedId = input<string | null>(null);
  readonly selectedIdChange = output<string | null>();
  readonly lineage = input<LineageHighlight | null>(null);
}

function node(id: string, overrides: Partial<DAGNode> = {}): DAGNode {
  return {
    id,
    class_name: id.split('.').pop()!,
    full_class_name: id,
    experiments: [
      {
        namespace: id,
        gren_hash: 'a65a03d18cb6d9070e55',
        result_status: 'success',
        attempt_status: 'running',
      },
      {
        namespace: id,
        gren_hash: '5f3d1318b9835b2fcd14',
        result_status: 'failed',
        attempt_status: null,
      },
    ],
    total_count: 2,
    success_count: 1,
    failed_count: 1,
    running_count: 1,
    parent_class: null,
    ...overrides,
  };
}

describe(DagPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<DagPage>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        stubChangeFeed().provider,
      ],
    });
    TestBed.overrideComponent(DagPage, {
      remove: { imports: [DagGraph] },
      add: { imports: [DagGraphStub] },
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DagPage);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function answer(dag: Partial<ExperimentDAG>): Promise<void> {
    http.expectOne('/api/dag').flush({
      nodes: [],
      edges: [],
      total_nodes: 0,
      total_edges: 0,
      total_experiments: 0,
      ...dag,
    });
    await fixture.whenStable();
  }

  function graph(): DagGraphStub {
    return fixture.debugElement.query((el) => el.componentInstance instanceof DagGraphStub)
      .componentInstance as DagGraphStub;
  }

  it('should show the loading state first', () => {
    expect(root.textContent).toContain('Loading experiment graph...');
    http.expectOne('/api/dag');
  });

  it('should show the counts, the graph and the legend', async () => {
    await answer({
      nodes: [node('p.Leaf'), node('p.Top')],
      total_nodes: 2,
      total_edges: 1,
      total_experiments: 4,
    });
    expect(root.querySelector('[data-testid="dag-classes"]')!.textContent).toContain('2');
    expect(root.querySelector('[data-testid="dag-dependencies"]')!.textContent).toContain('1');
    expect(root.querySelector('[data-testid="dag-experiments"]')!.textContent).toContain('4');
    expect(graph().dag().nodes).toHaveLength(2);
    expect(root.querySelector('.legend')!.textContent).toMatch(
      /All successful.*Running experiments.*Has failures.*Default/s,
    );
  });

  it('should open the side panel with links to every experiment when a node is clicked', async () => {
    await answer({ nodes: [node('p.Leaf')], total_nodes: 1 });
    graph().selectedIdChange.emit('p.Leaf');
    await fixture.whenStable();
    const panel = root.querySelector('[data-testid="dag-panel"]')!;
    expect(panel.querySelector('h2')!.textContent).toBe('Leaf');
    const links = panel.querySelectorAll('[data-testid="dag-panel-link"]');
    expect([...links].map((a) => a.getAttribute('href'))).toEqual([
      '/experiments/p.Leaf/a65a03d18cb6d9070e55',
      '/experiments/p.Leaf/5f3d1318b9835b2fcd14',
    ]);
    expect(links[0]!.textContent).toBe('a65a03d18cb6...');
    // attempt status first, result status when there is no attempt
    expect(panel.textContent).toContain('running');
    expect(graph().selectedId()).toBe('p.Leaf');

    panel.querySelector<HTMLButtonElement>('[data-testid="dag-panel-close"]')!.click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="dag-panel"]')).toBeNull();
  });

  it('should say when a class lists only its most recent experiments, and link to all of them', async () => {
    await answer({ nodes: [node('p.Leaf', { total_count: 5000 })], total_nodes: 1 });
    graph().selectedIdChange.emit('p.Leaf');
    await fixture.whenStable();
    const partial = root.querySelector('[data-testid="dag-panel-partial"]')!;
    expect(partial.textContent).toContain('The 2 most recently updated of 5000');
    expect(partial.querySelector('a')!.getAttribute('href')).toBe('/experiments?namespace=p.Leaf');
  });

  it('should let keyboard users select a class from the list of buttons', async () => {
    await answer({
      nodes: [
        node('p.Leaf'),
        node('p.Top', { failed_count: 0, running_count: 0, success_count: 2 }),
      ],
    });
    const buttons = root.querySelectorAll<HTMLButtonElement>('[data-testid="dag-class-button"]');
    expect(buttons[0]!.classList).toContain('class-button--failed');
    expect(buttons[1]!.classList).toContain('class-button--success');
    buttons[1]!.click();
    await fixture.whenStable();
    expect(buttons[1]!.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('[data-testid="dag-panel"] h2')!.textContent).toBe('Top');
  });

  it('should highlight the lineage of an experiment picked in the panel, until cleared', async () => {
    await answer({
      nodes: [node('p.Leaf'), node('p.Top')],
      edges: [{ source: 'p.Leaf', target: 'p.Top', field_name: 'leaf' }],
    });
    graph().selectedIdChange.emit('p.Leaf');
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('[data-testid="dag-panel-lineage"]')!.click();
    await fixture.whenStable();
    http.expectOne('/api/experiments/p.Leaf/a65a03d18cb6d9070e55/lineage').flush({
      upstream: { experiments: [], total: 0, by_class: [] },
      downstream: {
        experiments: [],
        total: 3,
        by_class: [{ namespace: 'p.Top', class_name: 'Top', count: 3 }],
      },
    });
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="dag-lineage"]')!.textContent).toMatch(
      /0 upstream,\s*3 downstream/,
    );
    const highlight = graph().lineage()!;
    expect(highlight.self).toBe('p.Leaf');
    expect([...highlight.downstream]).toEqual(['p.Top']);
    expect([...highlight.edges]).toEqual(['p.Leaf->p.Top#leaf']);

    root.querySelector<HTMLButtonElement>('[data-testid="dag-lineage-clear"]')!.click();
    await fixture.whenStable();
    expect(graph().lineage()).toBeNull();
    expect(root.querySelector('[data-testid="dag-lineage"]')).toBeNull();
  });

  it('should show the empty state when there is no class', async () => {
    await answer({});
    expect(root.querySelector('[data-testid="dag-empty"]')!.textContent).toContain(
      'No experiments found',
    );
  });

  it('should show an error when the API fails', async () => {
    http.expectOne('/api/dag').flush('x', { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect(root.textContent).toContain('Error loading DAG. Is the API running?');
  });
});
