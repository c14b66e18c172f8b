/**
 * The town's organisation, read once per session and shared by the pages (names of departments,
 * categories and stations are looked up everywhere). It changes only when a profile is reloaded,
 * so a page reload is the refresh.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { fetchCategories, fetchDepartments, fetchGrids, fetchStations, type CategoryDto, type DepartmentDto, type StationDto } from '../api/organisation.js';

/** A grid as a list shows it (its geometry stays with the map). */
export interface GridOption {
  code: string;
  name: string;
  stationName: string | null;
}

async function fetchGridOptions(): Promise<GridOption[]> {
  return (await fetchGrids()).features.map((f) => ({ code: f.properties.code, name: f.properties.name, stationName: f.properties.stationName }));
}

/** One cached list: the data, and the request in flight so concurrent pages share it. */
function cached<T>(load: () => Promise<T>) {
  const data = shallowRef<T | null>(null);
  let pending: Promise<T> | null = null;
  async function get(): Promise<T> {
    if (data.value !== null) return data.value;
    pending ??= load()
      .then((v) => {
        data.value = v;
        return v;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }
  function clear(): void {
    data.value = null;
  }
  return { data, get, clear };
}

export const useOrganisationStore = defineStore('organisation', () => {
  const stations = cached<StationDto[]>(fetchStations);
  const departments = cached<DepartmentDto[]>(fetchDepartments);
  const categories = cached<CategoryDto[]>(fetchCategories);
  const grids = cached<GridOption[]>(fetchGridOptions);

  const stationByCode = computed(() => new Map((stations.data.value ?? []).map((s) => [s.code, s])));
  const departmentByCode = computed(() => new Map((departments.data.value ?? []).map((d) => [d.code, d])));
  const categoryByCode = computed(() => new Map((categories.data.value ?? []).map((c) => [c.code, c])));

  function departmentName(code: string | null): string {
    if (code === null) return '';
    return departmentByCode.value.get(code)?.name ?? code;
  }
  function departmentShortName(code: string | null): string {
    if (code === null) return '';
    return departmentByCode.value.get(code)?.shortName ?? code;
  }
  function categoryName(code: string): string {
    return categoryByCode.value.get(code)?.name ?? code;
  }
  function stationName(code: string | null): string {
    if (code === null) return '';
    return stationByCode.value.get(code)?.shortName ?? code;
  }

  function clear(): void {
    stations.clear();
    departments.clear();
    categories.clear();
    grids.clear();
  }

  return {
    stations: stations.data,
    departments: departments.data,
    categories: categories.data,
    grids: grids.data,
    loadGrids: grids.get,
    loadStations: stations.get,
    loadDepartments: departments.get,
    loadCategories: categories.get,
    departmentName,
    departmentShortName,
    categoryName,
    stationName,
    clear,
  };
});
