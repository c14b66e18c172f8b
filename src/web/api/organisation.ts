/** Typed calls of the organisation read endpoints; the shapes come from src/contracts (never retyped here). */
import type { z } from 'zod';
import type { CategoryDto, DepartmentDto, StationDto, gridCollectionDto, gridFeatureDto, locateDto } from '../../contracts/organisation.js';
import { request } from './client.js';

export type { CategoryDto, DepartmentDto, StationDto };
export type GridCollection = z.infer<typeof gridCollectionDto>;
export type GridFeature = z.infer<typeof gridFeatureDto>;
export type LocateResult = z.infer<typeof locateDto>;

export const fetchStations = (): Promise<StationDto[]> => request<StationDto[]>('/stations');
export const fetchGrids = (station?: string): Promise<GridCollection> => request<GridCollection>('/grids', { query: { station } });
export const fetchDepartments = (): Promise<DepartmentDto[]> => request<DepartmentDto[]>('/departments');
export const fetchCategories = (): Promise<CategoryDto[]> => request<CategoryDto[]>('/categories');
export const locate = (lng: number, lat: number, crs: 'wgs84' | 'gcj02' = 'wgs84'): Promise<LocateResult> => request<LocateResult>('/locate', { query: { lng, lat, crs } });
