import { Routes } from '@angular/router';
import { ExperimentDetailPage } from './experiment-detail/experiment-detail-page';
import { ExperimentsPage } from './experiments/experiments-page';
import { HomePage } from './home/home-page';
import { NotFoundPage } from './not-found/not-found-page';

export const routes: Routes = [
  { path: '', component: HomePage, title: 'Dashboard · Gren' },
  {
    path: 'experiments',
    component: ExperimentsPage,
    title: 'Experiments · Gren',
  },
  {
    path: 'experiments/:namespace/:hash',
    component: ExperimentDetailPage,
    title: 'Experiment · Gren',
  },
  // The graph library and the compare view stay out of the initial bundle.
  {
    path: 'dag',
    loadComponent: () => import('./dag/dag-page').then((m) => m.DagPage),
    title: 'DAG · Gren',
  },
  {
    path: 'compare',
    loadComponent: () => import('./compare/compare-page').then((m) => m.ComparePage),
    title: 'Compare · Gren',
  },
  {
    path: 'timeline',
    loadComponent: () => import('./timeline/timeline-page').then((m) => m.TimelinePage),
    title: 'Timeline · Gren',
  },
  {
    path: 'plots',
    loadComponent: () => import('./plots/plots-page').then((m) => m.PlotsPage),
    title: 'Plots · Gren',
  },
  { path: '**', component: NotFoundPage, title: 'Not found · Gren' },
];
