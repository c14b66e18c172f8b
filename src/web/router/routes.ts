/** The console's pages. Every page is its own chunk (lazy import), so the first load stays small. */
import type { RouteRecordRaw } from 'vue-router';
import { adminRoutes } from '../pages/admin/admin-routes.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without a session (the login page) */
    public?: boolean;
    /** i18n key of the page title */
    titleKey?: string;
    /** opens without a network from the service worker's cache (the inspector's phone app) */
    offline?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../pages/login-page.vue'), meta: { public: true, titleKey: 'login.title' } },
  // 一屏观全镇: the video wall, full screen, outside the console frame
  { path: '/screen', component: () => import('../layouts/screen-layout.vue'), children: [{ path: '', name: 'screen', component: () => import('../pages/screen-page.vue'), meta: { titleKey: 'screen.title' } }] },
  {
    path: '/m',
    component: () => import('../layouts/mobile-layout.vue'),
    meta: { offline: true, titleKey: 'mobile.appName' },
    children: [
      { path: '', name: 'm-report', component: () => import('../pages/mobile/report-page.vue'), meta: { titleKey: 'mobile.tabs.report' } },
      { path: 'mine', name: 'm-mine', component: () => import('../pages/mobile/my-reports-page.vue'), meta: { titleKey: 'mobile.tabs.mine' } },
      { path: 'tasks', name: 'm-tasks', component: () => import('../pages/mobile/tasks-page.vue'), meta: { titleKey: 'mobile.tabs.tasks' } },
      { path: 'cases/:id', name: 'm-case', component: () => import('../pages/mobile/case-page.vue'), props: true, meta: { titleKey: 'caseDetail.title' } },
    ],
  },
  {
    path: '/',
    component: () => import('../layouts/console-layout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../pages/home-page.vue'), meta: { titleKey: 'menu.home' } },
      { path: 'cases', name: 'cases', component: () => import('../pages/cases-page.vue'), meta: { titleKey: 'cases.title' } },
      { path: 'cases/new', name: 'case-intake', component: () => import('../pages/case-intake-page.vue'), meta: { titleKey: 'cases.intake' } },
      { path: 'cases/map', name: 'case-map', component: () => import('../pages/case-map-page.vue'), meta: { titleKey: 'caseMap.title' } },
      { path: 'cases/:id', name: 'case', component: () => import('../pages/case-page.vue'), props: true, meta: { titleKey: 'caseDetail.title' } },
      { path: 'recurring', name: 'recurring', component: () => import('../pages/recurring-page.vue'), meta: { titleKey: 'recurring.title' } },
      { path: 'command', name: 'command', component: () => import('../pages/command-page.vue'), meta: { titleKey: 'command.title' } },
      { path: 'org/map', name: 'grid-map', component: () => import('../pages/grid-map-page.vue'), meta: { titleKey: 'menu.map' } },
      { path: 'org/departments', name: 'departments', component: () => import('../pages/departments-page.vue'), meta: { titleKey: 'menu.departments' } },
      { path: 'org/categories', name: 'categories', component: () => import('../pages/categories-page.vue'), meta: { titleKey: 'menu.categories' } },
      // 监督考评
      { path: 'assessment', name: 'assessment', component: () => import('../pages/assessment/ranking-page.vue'), meta: { titleKey: 'assessment.ranking' } },
      { path: 'assessment/units/:code', name: 'assessment-unit', component: () => import('../pages/assessment/unit-scorecard-page.vue'), props: true, meta: { titleKey: 'assessment.scorecard' } },
      { path: 'assessment/annual', name: 'assessment-annual', component: () => import('../pages/assessment/annual-page.vue'), meta: { titleKey: 'assessment.annualName' } },
      ...adminRoutes,
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../pages/not-found-page.vue'), meta: { titleKey: 'app.notFound' } },
    ],
  },
];
