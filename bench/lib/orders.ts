/** Realistic hotline orders for load: Chinese texts from the catalogue's own words, points inside the town. */
const texts = [
  '北沿公路森林公园门口有人摆摊卖水果，占道经营，影响通行',
  '小区门口井盖不见了，晚上很危险',
  '东平镇路灯不亮好几天了，晚上走路看不见',
  '河道里漂了很多垃圾，还有异味，河水发黑',
  '楼下垃圾桶满了没人清运，暴露垃圾很臭',
  '有人在家门口私自搭建违法建筑，占用公共绿地',
  '隔壁出租屋住了十几个人，疑似群租',
  '饭店后厨卫生很差，怀疑食品安全有问题',
  '小区消防通道被车辆堵塞，消防车进不来',
  '路边绿化带被人踩坏了，树也被砍了',
  '马路上有个大坑，道路破损严重',
  '晚上工地施工噪声扰民，睡不着觉',
];

/** the lattice's side: 150 × 150 points, every one inside 东风 station's grids */
const SIDE = 150;

/**
 * Order number i. Its point is one of a 150 × 150 lattice over about 2.9 km × 2.5 km of 东风 station
 * west of the forest park (a point every ~19 m east-west and ~17 m north-south), walked in a scrambled
 * order, and its caller is i's own: some orders land within 50 m of an earlier one of the same
 * category, as in a real town. Numbers below 22 500 never share a point; a benchmark that loads one
 * server several times numbers its orders on across the loads, so that a later load does not resend
 * the same points and callers as an earlier one and meet every earlier load's cases as duplicates.
 */
export function order(i: number, run: string) {
  return {
    channel: 'hotline_12345',
    externalId: `${run}-${i}`,
    description: `${texts[i % texts.length]}（工单${i}）`,
    location: { lng: 121.46 + ((i * 37) % SIDE) * 0.0002, lat: 31.672 + ((Math.floor(i / SIDE) * 53) % SIDE) * 0.00015 },
    reporter: { name: '市民', phone: `139${String(10_000_000 + ((i * 7919) % 90_000_000)).slice(-8)}` },
    channelData: { orderNo: `${run}${i}`, callType: 'complaint' },
  };
}
