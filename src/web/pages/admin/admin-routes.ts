/** The 系统管理 pages (children of the console layout); the menu group is components/admin/admin-menu-group.vue. */
import type { RouteRecordRaw } from 'vue-router';

export const adminPages = [
  { path: 'admin/stations', key: 'stations', component: () => import('./admin-stations-page.vue') },
  { path: 'admin/grids', key: 'grids', component: () => import('./admin-grids-page.vue') },
  { path: 'admin/departments', key: 'departments', component: () => import('./admin-departments-page.vue') },
  { path: 'admin/categories', key: 'categories', component: () => import('./admin-categories-page.vue') },
  { path: 'admin/personnel', key: 'personnel', component: () => import('./admin-personnel-page.vue') },
  { path: 'admin/users', key: 'users', component: () => import('./admin-users-page.vue') },
  { path: 'admin/roster', key: 'roster', component: () => import('./admin-roster-page.vue') },
] as const;

export type AdminPageKey = (typeof adminPages)[number]['key'];

export const adminRoutes: RouteRecordRaw[] = adminPages.map((p) => ({ path: p.path, name: `admin-${p.key}`, component: p.component, meta: { titleKey: `admin.${p.key}` } }));
