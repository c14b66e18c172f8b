/** Read endpoints of the town's organisation: stations, grids (GeoJSON), departments with duty lists, categories, locate. */
import { z } from 'zod';
import { categoryDto, departmentDto, gridCollectionDto, locateDto, locateQuery, stationDto, townDto } from '../../../../contracts/organisation.js';
import { localDateOf } from '../../../../domain/calendar/index.js';
import { toWgs84, validCoordinate } from '../../../../domain/geo/index.js';
import { deriveDutyLists } from '../../../../domain/profile/duty-lists.js';
import { authorize } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { listCategories, listDepartments, listGrids, listStations } from '../../../db/repositories/organisation-repository.js';
import { Problem } from '../../../http/problem.js';
import { presentCategory, presentDepartment, presentGridFeature, presentStation, presentTown } from '../../../presenters/organisation.js';
import { findTown } from '../../../db/repositories/town-repository.js';
import type { Api } from '../../api-instance.js';

const tags = ['organisation'];
const gridsQuery = z.strictObject({ station: z.string().max(40).optional() });

export async function organisationRoutes(api: Api, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;

  api.get('/town', { schema: { tags, summary: '本镇 The town: outline, station areas and map settings', response: { 200: townDto } } }, async (request) => {
    await authorize(request, 'read', 'profile');
    const [town, stations] = await Promise.all([findTown(db, ctx.townId), listStations(db, ctx.townId)]);
    if (!town) throw new Problem(503, 'TOWN_NOT_LOADED', { zh: '镇配置尚未加载', en: 'The town profile is not loaded' });
    return presentTown(town, stations, ctx.config.tileUrl);
  });

  api.get('/stations', { schema: { tags, summary: '城运管理站 Stations (incl. temporary ones and whether they are in force)', response: { 200: z.array(stationDto) } } }, async (request) => {
    await authorize(request, 'read', 'profile');
    const [stations, grids] = await Promise.all([listStations(db, ctx.townId), listGrids(db, ctx.townId)]);
    const counts = new Map<string, number>();
    for (const g of grids) counts.set(g.station_code, (counts.get(g.station_code) ?? 0) + 1);
    const today = localDateOf(ctx.clock.now());
    return stations.map((s) => {
      const taken = JSON.parse(s.takes_over_grids) as string[];
      return presentStation(s, s.temporary ? taken.length : (counts.get(s.code) ?? 0), today);
    });
  });

  api.get('/grids', { schema: { tags, summary: '单元网格 Unit grids as GeoJSON', querystring: gridsQuery, response: { 200: gridCollectionDto } } }, async (request, reply) => {
    await authorize(request, 'read', 'profile');
    const [grids, stations] = await Promise.all([listGrids(db, ctx.townId, request.query.station), listStations(db, ctx.townId)]);
    const names = new Map(stations.map((s) => [s.code, s.short_name]));
    reply.header('content-type', 'application/geo+json; charset=utf-8');
    return { type: 'FeatureCollection' as const, features: grids.map((g) => presentGridFeature(g, names.get(g.station_code) ?? null)) };
  });

  api.get('/departments', { schema: { tags, summary: '职能部门及职责清单 Departments with their duty lists (主管/牵头/协办)', response: { 200: z.array(departmentDto) } } }, async (request) => {
    await authorize(request, 'read', 'profile');
    const [departments, categories] = await Promise.all([listDepartments(db, ctx.townId), listCategories(db, ctx.townId)]);
    const duties = deriveDutyLists(categories.map((c) => ({ code: c.code, owner: c.owner, lead: c.lead, assists: JSON.parse(c.assists) as string[] })));
    return departments.map((d) => presentDepartment(d, duties.get(d.code)));
  });

  api.get('/categories', { schema: { tags, summary: '事部件分类目录 The category catalogue with owners and time limits', response: { 200: z.array(categoryDto) } } }, async (request) => {
    await authorize(request, 'read', 'profile');
    return (await listCategories(db, ctx.townId)).map(presentCategory);
  });

  api.get(
    '/locate',
    {
      schema: {
        tags,
        summary: '坐标定位网格 Point → grid and station (WGS84, or GCJ-02 / BD-09 converted)',
        querystring: locateQuery,
        response: { 200: locateDto },
      },
    },
    async (request) => {
      await authorize(request, 'read', 'profile');
      const { lng, lat, crs } = request.query;
      const [x, y] = toWgs84(lng, lat, crs);
      const hit = validCoordinate(x, y) ? await ctx.town.locate(x, y, ctx.clock.now()) : null;
      if (!hit) {
        throw new Problem(422, 'OUTSIDE_TOWN', { zh: '该位置不在本镇辖区内', en: 'The location is outside the town' }, [
          { field: 'query.lng', message: { zh: '不在任何网格内', en: 'not inside any grid' } },
          { field: 'query.lat', message: { zh: '不在任何网格内', en: 'not inside any grid' } },
        ]);
      }
      return { lng: x, lat: y, ...hit };
    },
  );
}
