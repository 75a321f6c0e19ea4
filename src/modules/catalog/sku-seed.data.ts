import type { StorageClass, Unit } from './sku.schemas';

/**
 * Demo products. Each line is a product with its variants; the seeder turns every variant into a
 * SKU with a code, a GTIN-13 and dimensions scaled by the variant's size.
 */
export interface SeedProduct {
  /** Code stem, e.g. `FRU-STRAW`; the variant suffix follows. */
  stem: string;
  zh: string;
  en: string;
  unit: Unit;
  storage: StorageClass;
  /** Weight (g) and outer dimensions (mm, L×W×H) of the base variant. */
  weightG: number;
  dims: [number, number, number];
  shelfLifeDays?: number;
  minRemainingDays?: number;
  hazardClass?: string;
  /** [code suffix, Chinese spec, English spec, size factor (weight; dims by its cube root)]. */
  variants: Array<[string, string, string, number]>;
  inactive?: boolean;
}

const one: SeedProduct['variants'] = [['', '', '', 1]];

/** 鲜丰生鲜 — a fresh-food e-tailer: produce, dairy, meat and seafood, frozen food, pantry. */
// biome-ignore format: one product per line keeps the demo data readable
export const FRESH_PRODUCTS: SeedProduct[] = [
  // Chilled fruit
  { stem: 'FRU-STRAW', zh: '丹东红颜草莓', en: 'Dandong Hongyan Strawberries', unit: 'box', storage: 'chilled', weightG: 560, dims: [200, 140, 80], shelfLifeDays: 5, minRemainingDays: 3, variants: [['500', '500克', '500 g', 1], ['1000', '1千克礼盒', '1 kg gift box', 1.9]] },
  { stem: 'FRU-BLUE', zh: '云南蓝莓', en: 'Yunnan Blueberries', unit: 'box', storage: 'chilled', weightG: 140, dims: [115, 115, 50], shelfLifeDays: 10, minRemainingDays: 6, variants: [['125', '125克', '125 g', 1], ['4X125', '125克×4盒', '4 × 125 g', 4.2]] },
  { stem: 'FRU-GRAPE', zh: '阳光玫瑰葡萄', en: 'Shine Muscat Grapes', unit: 'box', storage: 'chilled', weightG: 1050, dims: [260, 180, 90], shelfLifeDays: 14, minRemainingDays: 8, variants: one },
  { stem: 'FRU-CHERRY', zh: '智利车厘子 JJ级', en: 'Chilean Cherries JJ', unit: 'box', storage: 'chilled', weightG: 2600, dims: [330, 230, 110], shelfLifeDays: 12, minRemainingDays: 7, variants: [['2500', '2.5千克', '2.5 kg', 1], ['1000', '1千克', '1 kg', 0.42]] },
  { stem: 'FRU-KIWI', zh: '佳沛阳光金果奇异果', en: 'Zespri SunGold Kiwifruit', unit: 'box', storage: 'chilled', weightG: 1200, dims: [300, 200, 90], shelfLifeDays: 21, minRemainingDays: 10, variants: [['12', '12个装', '12 pcs', 1], ['22', '22个装', '22 pcs', 1.8]] },
  { stem: 'FRU-MANGO', zh: '海南贵妃芒', en: 'Hainan Guifei Mangoes', unit: 'box', storage: 'chilled', weightG: 2300, dims: [320, 220, 120], shelfLifeDays: 8, minRemainingDays: 5, variants: one },
  // Chilled vegetables
  { stem: 'VEG-LETT', zh: '罗马生菜', en: 'Romaine Lettuce', unit: 'bag', storage: 'chilled', weightG: 320, dims: [280, 160, 90], shelfLifeDays: 5, minRemainingDays: 3, variants: [['300', '300克', '300 g', 1], ['600', '600克', '600 g', 2]] },
  { stem: 'VEG-SPIN', zh: '有机菠菜', en: 'Organic Spinach', unit: 'bag', storage: 'chilled', weightG: 270, dims: [260, 150, 70], shelfLifeDays: 4, minRemainingDays: 2, variants: one },
  { stem: 'VEG-BROC', zh: '西兰花', en: 'Broccoli', unit: 'piece', storage: 'chilled', weightG: 420, dims: [160, 140, 130], shelfLifeDays: 7, minRemainingDays: 4, variants: one },
  { stem: 'VEG-TOMC', zh: '千禧小番茄', en: 'Cherry Tomatoes', unit: 'box', storage: 'chilled', weightG: 520, dims: [180, 120, 80], shelfLifeDays: 7, minRemainingDays: 4, variants: [['500', '500克', '500 g', 1], ['250', '250克', '250 g', 0.5]] },
  { stem: 'VEG-CUCU', zh: '水果黄瓜', en: 'Mini Cucumbers', unit: 'bag', storage: 'chilled', weightG: 520, dims: [220, 150, 60], shelfLifeDays: 6, minRemainingDays: 3, variants: one },
  { stem: 'VEG-MUSH', zh: '鲜香菇', en: 'Fresh Shiitake Mushrooms', unit: 'box', storage: 'chilled', weightG: 320, dims: [190, 130, 70], shelfLifeDays: 6, minRemainingDays: 3, variants: one },
  { stem: 'VEG-CORN', zh: '东北甜糯玉米', en: 'Sweet Waxy Corn', unit: 'pack', storage: 'chilled', weightG: 1300, dims: [260, 200, 90], shelfLifeDays: 10, minRemainingDays: 5, variants: [['4', '4根装', '4 cobs', 1], ['8', '8根装', '8 cobs', 2]] },
  // Dairy and eggs
  { stem: 'DAI-MILK', zh: '鲜牛奶', en: 'Fresh Milk', unit: 'bottle', storage: 'chilled', weightG: 1010, dims: [95, 70, 240], shelfLifeDays: 7, minRemainingDays: 4, variants: [['950', '950毫升', '950 ml', 1], ['450', '450毫升', '450 ml', 0.48], ['1900', '1.9升', '1.9 L', 1.95]] },
  { stem: 'DAI-YOG', zh: '原味酸奶', en: 'Plain Yoghurt', unit: 'pack', storage: 'chilled', weightG: 420, dims: [130, 130, 75], shelfLifeDays: 21, minRemainingDays: 10, variants: [['4X100', '100克×4杯', '4 × 100 g', 1], ['1KG', '1千克家庭装', '1 kg family tub', 2.4]] },
  { stem: 'DAI-YOGS', zh: '草莓果粒酸奶', en: 'Strawberry Yoghurt', unit: 'pack', storage: 'chilled', weightG: 420, dims: [130, 130, 75], shelfLifeDays: 21, minRemainingDays: 10, variants: one },
  { stem: 'DAI-YOGL', zh: '低糖希腊酸奶', en: 'Low-sugar Greek Yoghurt', unit: 'pack', storage: 'chilled', weightG: 360, dims: [130, 130, 70], shelfLifeDays: 25, minRemainingDays: 12, variants: one },
  { stem: 'DAI-CHEE', zh: '马苏里拉奶酪', en: 'Mozzarella Cheese', unit: 'pack', storage: 'chilled', weightG: 260, dims: [160, 110, 40], shelfLifeDays: 120, minRemainingDays: 45, variants: one },
  { stem: 'DAI-BUTR', zh: '淡味黄油', en: 'Unsalted Butter', unit: 'pack', storage: 'chilled', weightG: 230, dims: [120, 70, 45], shelfLifeDays: 180, minRemainingDays: 60, variants: one },
  { stem: 'EGG-FRESH', zh: '可生食鲜鸡蛋', en: 'Fresh Eggs (safe to eat raw)', unit: 'box', storage: 'chilled', weightG: 680, dims: [250, 110, 70], shelfLifeDays: 30, minRemainingDays: 15, variants: [['10', '10枚', '10 eggs', 1], ['30', '30枚', '30 eggs', 2.9]] },
  { stem: 'TOFU', zh: '内酯豆腐', en: 'Silken Tofu', unit: 'box', storage: 'chilled', weightG: 420, dims: [130, 100, 60], shelfLifeDays: 10, minRemainingDays: 5, variants: one },
  // Meat and seafood (chilled)
  { stem: 'MEA-PORK', zh: '黑猪五花肉', en: 'Black Pork Belly', unit: 'pack', storage: 'chilled', weightG: 520, dims: [220, 150, 40], shelfLifeDays: 4, minRemainingDays: 2, variants: [['500', '500克', '500 g', 1], ['1000', '1千克', '1 kg', 2]] },
  { stem: 'MEA-CHIK', zh: '鸡胸肉', en: 'Chicken Breast', unit: 'pack', storage: 'chilled', weightG: 520, dims: [220, 150, 40], shelfLifeDays: 5, minRemainingDays: 3, variants: one },
  { stem: 'SEA-SALM', zh: '挪威三文鱼刺身', en: 'Norwegian Salmon Sashimi', unit: 'box', storage: 'chilled', weightG: 230, dims: [180, 120, 40], shelfLifeDays: 4, minRemainingDays: 2, variants: one },
  // Frozen
  { stem: 'FRZ-DUMP', zh: '猪肉白菜水饺', en: 'Pork & Cabbage Dumplings', unit: 'bag', storage: 'frozen', weightG: 1020, dims: [300, 220, 60], shelfLifeDays: 365, minRemainingDays: 180, variants: [['1000', '1千克', '1 kg', 1], ['500', '500克', '500 g', 0.5]] },
  { stem: 'FRZ-DUMS', zh: '三鲜虾仁水饺', en: 'Shrimp Three-delicacy Dumplings', unit: 'bag', storage: 'frozen', weightG: 620, dims: [280, 200, 50], shelfLifeDays: 365, minRemainingDays: 180, variants: one },
  { stem: 'FRZ-BUNS', zh: '上海小笼包', en: 'Shanghai Xiaolongbao', unit: 'bag', storage: 'frozen', weightG: 620, dims: [280, 200, 60], shelfLifeDays: 270, minRemainingDays: 120, variants: one },
  { stem: 'FRZ-TANG', zh: '黑芝麻汤圆', en: 'Black Sesame Tangyuan', unit: 'bag', storage: 'frozen', weightG: 520, dims: [250, 180, 50], shelfLifeDays: 365, minRemainingDays: 180, variants: one },
  { stem: 'FRZ-SHRI', zh: '厄瓜多尔白虾', en: 'Ecuadorian White Shrimp', unit: 'box', storage: 'frozen', weightG: 1700, dims: [290, 200, 80], shelfLifeDays: 540, minRemainingDays: 240, variants: [['1500', '1.5千克 30/40', '1.5 kg 30/40', 1], ['500', '500克 虾仁', '500 g peeled', 0.33]] },
  { stem: 'FRZ-ICEV', zh: '香草冰淇淋', en: 'Vanilla Ice Cream', unit: 'box', storage: 'frozen', weightG: 520, dims: [150, 150, 90], shelfLifeDays: 540, minRemainingDays: 180, variants: [['473', '473毫升', '473 ml', 1], ['4X80', '80克×4支', '4 × 80 g bars', 0.7]] },
  { stem: 'FRZ-ICEC', zh: '巧克力冰淇淋', en: 'Chocolate Ice Cream', unit: 'box', storage: 'frozen', weightG: 520, dims: [150, 150, 90], shelfLifeDays: 540, minRemainingDays: 180, variants: one },
  { stem: 'FRZ-ICEM', zh: '抹茶红豆冰淇淋', en: 'Matcha & Red Bean Ice Cream', unit: 'box', storage: 'frozen', weightG: 520, dims: [150, 150, 90], shelfLifeDays: 540, minRemainingDays: 180, variants: one },
  { stem: 'FRZ-STEK', zh: '澳洲谷饲西冷牛排', en: 'Australian Grain-fed Sirloin Steak', unit: 'pack', storage: 'frozen', weightG: 420, dims: [230, 160, 35], shelfLifeDays: 365, minRemainingDays: 150, variants: [['200X2', '200克×2片', '2 × 200 g', 1], ['200X5', '200克×5片', '5 × 200 g', 2.45]] },
  { stem: 'FRZ-WING', zh: '奥尔良鸡翅中', en: 'Orleans-marinated Chicken Wings', unit: 'bag', storage: 'frozen', weightG: 1020, dims: [300, 220, 60], shelfLifeDays: 365, minRemainingDays: 150, variants: one },
  { stem: 'FRZ-PIZZ', zh: '培根芝士披萨 9寸', en: 'Bacon & Cheese Pizza 9"', unit: 'box', storage: 'frozen', weightG: 480, dims: [250, 250, 45], shelfLifeDays: 270, minRemainingDays: 120, variants: one },
  { stem: 'FRZ-VEGM', zh: '速冻什锦蔬菜', en: 'Frozen Mixed Vegetables', unit: 'bag', storage: 'frozen', weightG: 1020, dims: [300, 220, 50], shelfLifeDays: 540, minRemainingDays: 240, variants: one },
  // Pantry (ambient)
  { stem: 'AMB-RICE', zh: '五常稻花香大米', en: 'Wuchang Daohuaxiang Rice', unit: 'bag', storage: 'ambient', weightG: 5050, dims: [450, 300, 90], shelfLifeDays: 365, minRemainingDays: 120, variants: [['5KG', '5千克', '5 kg', 1], ['10KG', '10千克', '10 kg', 2]] },
  { stem: 'AMB-OILP', zh: '压榨一级花生油', en: 'Pressed Peanut Oil', unit: 'bottle', storage: 'ambient', weightG: 4900, dims: [200, 120, 320], shelfLifeDays: 540, minRemainingDays: 180, variants: [['5L', '5升', '5 L', 1], ['1.8L', '1.8升', '1.8 L', 0.38]] },
  { stem: 'AMB-SOY', zh: '特级生抽酱油', en: 'Premium Light Soy Sauce', unit: 'bottle', storage: 'ambient', weightG: 620, dims: [75, 75, 260], shelfLifeDays: 720, minRemainingDays: 240, variants: one },
  { stem: 'AMB-VINE', zh: '山西老陈醋', en: 'Shanxi Aged Vinegar', unit: 'bottle', storage: 'ambient', weightG: 560, dims: [75, 75, 250], shelfLifeDays: 1080, minRemainingDays: 360, variants: one },
  { stem: 'AMB-NOOD', zh: '龙须挂面', en: 'Dried Thin Noodles', unit: 'pack', storage: 'ambient', weightG: 1010, dims: [250, 90, 50], shelfLifeDays: 365, minRemainingDays: 120, variants: one },
  { stem: 'AMB-NUTS', zh: '每日坚果', en: 'Daily Mixed Nuts', unit: 'box', storage: 'ambient', weightG: 900, dims: [300, 200, 110], shelfLifeDays: 240, minRemainingDays: 90, variants: [['30', '25克×30袋', '30 × 25 g', 1], ['7', '25克×7袋', '7 × 25 g', 0.25]] },
  { stem: 'AMB-CHIP', zh: '原味薯片', en: 'Original Potato Chips', unit: 'bag', storage: 'ambient', weightG: 115, dims: [300, 200, 80], shelfLifeDays: 270, minRemainingDays: 90, variants: one },
  { stem: 'AMB-BISC', zh: '苏打饼干', en: 'Soda Crackers', unit: 'box', storage: 'ambient', weightG: 820, dims: [280, 180, 100], shelfLifeDays: 300, minRemainingDays: 100, variants: one },
  { stem: 'AMB-WATR', zh: '天然矿泉水 550毫升×24瓶', en: 'Natural Mineral Water 24 × 550 ml', unit: 'carton', storage: 'ambient', weightG: 13600, dims: [400, 270, 230], shelfLifeDays: 540, minRemainingDays: 180, variants: one },
  { stem: 'AMB-HONE', zh: '椴树雪蜜（玻璃瓶）', en: 'Linden Honey (glass jar)', unit: 'bottle', storage: 'fragile', weightG: 1150, dims: [100, 100, 160], shelfLifeDays: 720, minRemainingDays: 240, variants: one },
  { stem: 'AMB-TEA', zh: '西湖龙井 特级', en: 'West Lake Longjing Tea, Special Grade', unit: 'box', storage: 'ambient', weightG: 380, dims: [200, 120, 90], shelfLifeDays: 540, minRemainingDays: 180, variants: one },
  { stem: 'FRU-APPL', zh: '烟台红富士苹果', en: 'Yantai Red Fuji Apples', unit: 'box', storage: 'chilled', weightG: 5300, dims: [400, 300, 160], shelfLifeDays: 30, minRemainingDays: 15, variants: [['5KG', '5千克 80mm', '5 kg, 80 mm', 1], ['2.5KG', '2.5千克', '2.5 kg', 0.5]] },
  { stem: 'FRU-ORAN', zh: '赣南脐橙', en: 'Gannan Navel Oranges', unit: 'box', storage: 'chilled', weightG: 5200, dims: [400, 300, 160], shelfLifeDays: 25, minRemainingDays: 12, variants: [['5KG', '5千克', '5 kg', 1], ['10KG', '10千克', '10 kg', 2]] },
  { stem: 'FRU-WMEL', zh: '麒麟西瓜', en: 'Qilin Watermelon', unit: 'piece', storage: 'chilled', weightG: 4500, dims: [260, 220, 220], shelfLifeDays: 10, minRemainingDays: 5, variants: one },
  { stem: 'VEG-CARR', zh: '胡萝卜', en: 'Carrots', unit: 'bag', storage: 'chilled', weightG: 1020, dims: [300, 200, 70], shelfLifeDays: 14, minRemainingDays: 7, variants: one },
  { stem: 'VEG-BOKC', zh: '上海青', en: 'Shanghai Bok Choy', unit: 'bag', storage: 'chilled', weightG: 420, dims: [280, 160, 80], shelfLifeDays: 4, minRemainingDays: 2, variants: one },
  { stem: 'SEA-CRAB', zh: '阳澄湖大闸蟹（冷冻熟蟹）', en: 'Yangcheng Lake Hairy Crabs, cooked & frozen', unit: 'box', storage: 'frozen', weightG: 2400, dims: [380, 280, 130], shelfLifeDays: 180, minRemainingDays: 90, variants: [['8', '8只装', '8 crabs', 1], ['12', '12只装', '12 crabs', 1.45]] },
  { stem: 'SEA-COD', zh: '银鳕鱼切片', en: 'Black Cod Steaks', unit: 'pack', storage: 'frozen', weightG: 420, dims: [230, 160, 35], shelfLifeDays: 540, minRemainingDays: 240, variants: one },
  { stem: 'FRZ-BALL', zh: '潮汕手打牛肉丸', en: 'Chaoshan Beef Balls', unit: 'bag', storage: 'frozen', weightG: 520, dims: [250, 180, 60], shelfLifeDays: 365, minRemainingDays: 150, variants: [['500', '500克', '500 g', 1], ['250', '250克', '250 g', 0.5]] },
  { stem: 'FRZ-FISH', zh: '福州鱼丸', en: 'Fuzhou Fish Balls', unit: 'bag', storage: 'frozen', weightG: 520, dims: [250, 180, 60], shelfLifeDays: 365, minRemainingDays: 150, variants: one },
  { stem: 'FRZ-ROLL', zh: '韭菜鸡蛋春卷', en: 'Chive & Egg Spring Rolls', unit: 'bag', storage: 'frozen', weightG: 420, dims: [260, 180, 50], shelfLifeDays: 270, minRemainingDays: 120, variants: one },
  { stem: 'FRZ-HOTP', zh: '火锅丸滑组合', en: 'Hotpot Balls Assortment', unit: 'box', storage: 'frozen', weightG: 1250, dims: [300, 220, 80], shelfLifeDays: 365, minRemainingDays: 150, variants: one },
  { stem: 'DAI-UHT', zh: '纯牛奶 250毫升×24盒（常温）', en: 'UHT Whole Milk 24 × 250 ml', unit: 'carton', storage: 'ambient', weightG: 6500, dims: [330, 230, 130], shelfLifeDays: 180, minRemainingDays: 60, variants: [['FULL', '全脂', 'whole', 1], ['LOW', '低脂', 'low-fat', 1]] },
  { stem: 'AMB-INST', zh: '红烧牛肉面 5连包', en: 'Braised Beef Instant Noodles, 5-pack', unit: 'pack', storage: 'ambient', weightG: 560, dims: [330, 210, 100], shelfLifeDays: 180, minRemainingDays: 60, variants: one },
  { stem: 'AMB-COFF', zh: '云南小粒咖啡豆', en: 'Yunnan Arabica Coffee Beans', unit: 'bag', storage: 'ambient', weightG: 520, dims: [230, 130, 70], shelfLifeDays: 365, minRemainingDays: 120, variants: [['500', '500克', '500 g', 1], ['250', '250克', '250 g', 0.5]] },
  { stem: 'AMB-POWD', zh: '婴幼儿配方奶粉 3段', en: 'Infant Formula Stage 3', unit: 'can', storage: 'ambient', weightG: 1050, dims: [130, 130, 180], shelfLifeDays: 720, minRemainingDays: 360, variants: [['800', '800克', '800 g', 1], ['400', '400克', '400 g', 0.5]] },
  { stem: 'AMB-CANS', zh: '午餐肉罐头', en: 'Luncheon Meat, canned', unit: 'can', storage: 'ambient', weightG: 360, dims: [105, 60, 80], shelfLifeDays: 1080, minRemainingDays: 360, variants: one },
  { stem: 'AMB-PEAC', zh: '黄桃罐头（玻璃瓶）', en: 'Yellow Peaches in Syrup (glass jar)', unit: 'bottle', storage: 'fragile', weightG: 820, dims: [90, 90, 140], shelfLifeDays: 720, minRemainingDays: 240, variants: one },
  { stem: 'AMB-SESA', zh: '芝麻香油（玻璃瓶）', en: 'Sesame Oil (glass bottle)', unit: 'bottle', storage: 'fragile', weightG: 720, dims: [65, 65, 250], shelfLifeDays: 540, minRemainingDays: 180, variants: one },
  { stem: 'AMB-DATE', zh: '新疆和田大枣', en: 'Xinjiang Hetian Jujubes', unit: 'bag', storage: 'ambient', weightG: 1020, dims: [300, 200, 80], shelfLifeDays: 360, minRemainingDays: 120, variants: one },
  { stem: 'AMB-SUGR', zh: '云南红糖', en: 'Yunnan Brown Sugar', unit: 'bag', storage: 'ambient', weightG: 510, dims: [200, 130, 50], shelfLifeDays: 720, minRemainingDays: 240, variants: one },
  { stem: 'AMB-FLOU', zh: '高筋小麦粉', en: 'Strong Wheat Flour', unit: 'bag', storage: 'ambient', weightG: 2520, dims: [330, 200, 80], shelfLifeDays: 365, minRemainingDays: 120, variants: one },
  { stem: 'AMB-PEAN', zh: '五香花生米', en: 'Five-spice Peanuts', unit: 'bag', storage: 'ambient', weightG: 320, dims: [220, 150, 50], shelfLifeDays: 270, minRemainingDays: 90, variants: one },
  { stem: 'AMB-MOON', zh: '广式月饼礼盒（季节性）', en: 'Cantonese Mooncake Gift Box (seasonal)', unit: 'box', storage: 'ambient', weightG: 1100, dims: [320, 320, 70], shelfLifeDays: 90, minRemainingDays: 30, variants: one, inactive: true },
];

// biome-ignore format: one line
const colours: SeedProduct['variants'] = [['WH', '白色', 'White', 1], ['GY', '灰色', 'Grey', 1], ['BL', '雾蓝', 'Mist Blue', 1]];
// biome-ignore format: one line
const sizesSML: SeedProduct['variants'] = [['S', '小号', 'Small', 0.6], ['M', '中号', 'Medium', 1], ['L', '大号', 'Large', 1.6]];

/** 优品家居 — a home and electronics brand: tableware, textiles, small appliances, batteries. */
// biome-ignore format: one product per line keeps the demo data readable
export const HOME_PRODUCTS: SeedProduct[] = [
  // Fragile
  { stem: 'GLS-TUMB', zh: '高硼硅玻璃水杯 6只装', en: 'Borosilicate Glass Tumblers, set of 6', unit: 'set', storage: 'fragile', weightG: 1650, dims: [260, 180, 130], variants: [['300', '300毫升', '300 ml', 1], ['450', '450毫升', '450 ml', 1.3]] },
  { stem: 'GLS-WINE', zh: '无铅水晶红酒杯 2只装', en: 'Lead-free Crystal Wine Glasses, pair', unit: 'set', storage: 'fragile', weightG: 900, dims: [280, 200, 120], variants: one },
  { stem: 'GLS-BOX', zh: '玻璃保鲜盒 4件套', en: 'Glass Food Containers, 4-piece', unit: 'set', storage: 'fragile', weightG: 2300, dims: [300, 220, 160], variants: one },
  { stem: 'CER-BOWL', zh: '釉下彩陶瓷碗 4只装', en: 'Underglaze Ceramic Bowls, set of 4', unit: 'set', storage: 'fragile', weightG: 1900, dims: [240, 240, 140], variants: colours },
  { stem: 'CER-PLAT', zh: '陶瓷餐盘 8寸 4只装', en: 'Ceramic Dinner Plates 8", set of 4', unit: 'set', storage: 'fragile', weightG: 2600, dims: [260, 260, 110], variants: colours },
  { stem: 'CER-MUG', zh: '陶瓷马克杯', en: 'Ceramic Mug', unit: 'each', storage: 'fragile', weightG: 420, dims: [130, 110, 120], variants: colours },
  { stem: 'CER-VASE', zh: '景德镇青花瓷花瓶', en: 'Jingdezhen Blue-and-white Vase', unit: 'each', storage: 'fragile', weightG: 1800, dims: [220, 220, 380], variants: one },
  { stem: 'MIR-WALL', zh: '浴室圆形镜', en: 'Round Bathroom Mirror', unit: 'each', storage: 'fragile', weightG: 3200, dims: [620, 620, 60], variants: [['50', '直径50厘米', '50 cm', 0.7], ['60', '直径60厘米', '60 cm', 1]] },
  // Hazardous
  { stem: 'BAT-PB10', zh: '充电宝 10000毫安时（UN3480）', en: 'Power Bank 10,000 mAh (UN3480)', unit: 'each', storage: 'hazardous', hazardClass: '9', weightG: 260, dims: [160, 90, 35], variants: colours },
  { stem: 'BAT-PB20', zh: '充电宝 20000毫安时（UN3480）', en: 'Power Bank 20,000 mAh (UN3480)', unit: 'each', storage: 'hazardous', hazardClass: '9', weightG: 460, dims: [170, 95, 45], variants: [['WH', '白色', 'White', 1], ['GY', '灰色', 'Grey', 1]] },
  { stem: 'BAT-18650', zh: '18650锂离子电池 2节装（UN3480）', en: '18650 Li-ion Cells, 2-pack (UN3480)', unit: 'pack', storage: 'hazardous', hazardClass: '9', weightG: 110, dims: [100, 60, 25], variants: one },
  { stem: 'ELE-TBRU', zh: '声波电动牙刷（含锂电池 UN3481）', en: 'Sonic Electric Toothbrush (Li-ion, UN3481)', unit: 'box', storage: 'hazardous', hazardClass: '9', weightG: 380, dims: [260, 90, 60], variants: [['WH', '白色', 'White', 1], ['BK', '黑色', 'Black', 1]] },
  { stem: 'AER-FRES', zh: '空气清新剂 320毫升（气雾剂）', en: 'Air Freshener Aerosol 320 ml', unit: 'can', storage: 'hazardous', hazardClass: '2.1', weightG: 360, dims: [65, 65, 230], shelfLifeDays: 1095, minRemainingDays: 365, variants: [['LAV', '薰衣草', 'Lavender', 1], ['LEM', '柠檬', 'Lemon', 1]] },
  { stem: 'AER-INSE', zh: '杀虫气雾剂 600毫升', en: 'Insect Killer Aerosol 600 ml', unit: 'can', storage: 'hazardous', hazardClass: '2.1', weightG: 520, dims: [70, 70, 280], shelfLifeDays: 1095, minRemainingDays: 365, variants: one },
  { stem: 'SAN-GEL', zh: '75%酒精免洗洗手液', en: '75% Alcohol Hand Sanitiser Gel', unit: 'bottle', storage: 'hazardous', hazardClass: '3', weightG: 540, dims: [80, 60, 200], shelfLifeDays: 730, minRemainingDays: 240, variants: [['500', '500毫升', '500 ml', 1], ['100', '100毫升便携装', '100 ml travel size', 0.22]] },
  { stem: 'SAN-SPR', zh: '75%酒精消毒喷雾', en: '75% Alcohol Disinfectant Spray', unit: 'bottle', storage: 'hazardous', hazardClass: '3', weightG: 330, dims: [70, 50, 190], shelfLifeDays: 730, minRemainingDays: 240, variants: one },
  { stem: 'CLN-BLEA', zh: '84消毒液 1.2千克', en: 'Bleach Disinfectant (84) 1.2 kg', unit: 'bottle', storage: 'hazardous', hazardClass: '8', weightG: 1280, dims: [110, 80, 260], shelfLifeDays: 365, minRemainingDays: 120, variants: one },
  // Small appliances and electronics (ambient)
  { stem: 'APP-RICE', zh: '智能电饭煲 4升', en: 'Smart Rice Cooker 4 L', unit: 'each', storage: 'ambient', weightG: 3900, dims: [380, 320, 300], variants: [['WH', '白色', 'White', 1], ['GY', '灰色', 'Grey', 1]] },
  { stem: 'APP-KETL', zh: '不锈钢电水壶 1.7升', en: 'Stainless Electric Kettle 1.7 L', unit: 'each', storage: 'ambient', weightG: 1500, dims: [250, 200, 270], variants: colours },
  { stem: 'APP-DRYR', zh: '负离子吹风机', en: 'Ionic Hair Dryer', unit: 'each', storage: 'ambient', weightG: 900, dims: [280, 230, 100], variants: [['WH', '白色', 'White', 1], ['PK', '粉色', 'Pink', 1]] },
  { stem: 'APP-LAMP', zh: 'LED护眼台灯', en: 'LED Eye-care Desk Lamp', unit: 'each', storage: 'ambient', weightG: 1300, dims: [450, 180, 120], variants: [['WH', '白色', 'White', 1], ['BK', '黑色', 'Black', 1]] },
  { stem: 'ELE-CABL', zh: 'USB-C 快充数据线', en: 'USB-C Fast-charge Cable', unit: 'each', storage: 'ambient', weightG: 60, dims: [120, 90, 20], variants: [['1M', '1米', '1 m', 1], ['2M', '2米', '2 m', 1.5]] },
  { stem: 'ELE-STRP', zh: '六位USB插线板 1.8米', en: '6-outlet Power Strip with USB, 1.8 m', unit: 'each', storage: 'ambient', weightG: 620, dims: [320, 110, 50], variants: one },
  { stem: 'ELE-CHRG', zh: '65W氮化镓充电器', en: '65 W GaN Charger', unit: 'each', storage: 'ambient', weightG: 180, dims: [100, 80, 45], variants: [['WH', '白色', 'White', 1], ['BK', '黑色', 'Black', 1]] },
  // Kitchen
  { stem: 'KIT-PAN', zh: '不粘煎锅', en: 'Non-stick Frying Pan', unit: 'each', storage: 'ambient', weightG: 1150, dims: [480, 300, 80], variants: [['24', '24厘米', '24 cm', 0.85], ['28', '28厘米', '28 cm', 1]] },
  { stem: 'KIT-KNIF', zh: '德式不锈钢刀具 5件套', en: 'German Steel Knife Set, 5-piece', unit: 'set', storage: 'ambient', weightG: 2100, dims: [380, 220, 110], variants: one },
  { stem: 'KIT-FLSK', zh: '316不锈钢保温杯 500毫升', en: '316 Stainless Vacuum Flask 500 ml', unit: 'each', storage: 'ambient', weightG: 420, dims: [80, 80, 250], variants: colours },
  // Textiles and home
  { stem: 'TEX-TOWL', zh: '新疆长绒棉毛巾', en: 'Xinjiang Long-staple Cotton Towel', unit: 'each', storage: 'ambient', weightG: 140, dims: [250, 200, 30], variants: colours },
  { stem: 'TEX-BATH', zh: '纯棉浴巾', en: 'Cotton Bath Towel', unit: 'each', storage: 'ambient', weightG: 520, dims: [350, 250, 60], variants: colours },
  { stem: 'TEX-SHEE', zh: '60支长绒棉床品四件套', en: '60s Long-staple Cotton Bedding Set, 4-piece', unit: 'set', storage: 'ambient', weightG: 2500, dims: [450, 350, 100], variants: [['150', '1.5米床', '1.5 m bed', 0.9], ['180', '1.8米床', '1.8 m bed', 1]] },
  { stem: 'TEX-PILW', zh: '记忆棉枕头', en: 'Memory Foam Pillow', unit: 'each', storage: 'ambient', weightG: 1300, dims: [600, 380, 120], variants: one },
  { stem: 'TEX-CUSH', zh: '亚麻抱枕', en: 'Linen Cushion', unit: 'each', storage: 'ambient', weightG: 450, dims: [450, 450, 120], variants: colours },
  { stem: 'HOM-BOX', zh: '可折叠收纳箱', en: 'Foldable Storage Box', unit: 'each', storage: 'ambient', weightG: 900, dims: [400, 300, 60], variants: sizesSML },
  { stem: 'HOM-HANG', zh: '防滑植绒衣架 20只装', en: 'Non-slip Velvet Hangers, 20-pack', unit: 'pack', storage: 'ambient', weightG: 1100, dims: [450, 240, 60], variants: one },
  { stem: 'HOM-MOP', zh: '免手洗平板拖把', en: 'Hands-free Flat Mop', unit: 'set', storage: 'ambient', weightG: 2200, dims: [600, 300, 150], variants: one },
  { stem: 'HOM-TISS', zh: '抽纸 3层 120抽×24包', en: 'Facial Tissues 3-ply, 24 × 120 sheets', unit: 'carton', storage: 'ambient', weightG: 4300, dims: [560, 380, 260], variants: one },
  { stem: 'HOM-BAGS', zh: '加厚垃圾袋 50只×5卷', en: 'Heavy-duty Bin Bags, 5 rolls × 50', unit: 'pack', storage: 'ambient', weightG: 750, dims: [220, 160, 110], variants: sizesSML },
  { stem: 'CLN-LAUN', zh: '浓缩洗衣液', en: 'Concentrated Laundry Liquid', unit: 'bottle', storage: 'ambient', weightG: 3100, dims: [190, 110, 290], shelfLifeDays: 1095, minRemainingDays: 365, variants: [['3KG', '3千克', '3 kg', 1], ['1KG', '1千克', '1 kg', 0.35]] },
  { stem: 'GLS-TPOT', zh: '耐热玻璃茶壶 1升', en: 'Heat-resistant Glass Teapot 1 L', unit: 'each', storage: 'fragile', weightG: 700, dims: [220, 160, 180], variants: one },
  { stem: 'CER-CUPS', zh: '青瓷功夫茶具 8件套', en: 'Celadon Gongfu Tea Set, 8-piece', unit: 'set', storage: 'fragile', weightG: 1600, dims: [330, 260, 110], variants: one },
  { stem: 'ELE-EARB', zh: '真无线蓝牙耳机（含锂电池 UN3481）', en: 'True Wireless Earbuds (Li-ion, UN3481)', unit: 'box', storage: 'hazardous', hazardClass: '9', weightG: 160, dims: [110, 100, 45], variants: [['WH', '白色', 'White', 1], ['BK', '黑色', 'Black', 1]] },
  { stem: 'ELE-SPKR', zh: '便携蓝牙音箱（含锂电池 UN3481）', en: 'Portable Bluetooth Speaker (Li-ion, UN3481)', unit: 'each', storage: 'hazardous', hazardClass: '9', weightG: 680, dims: [210, 100, 100], variants: colours },
  { stem: 'ELE-MOUS', zh: '静音无线鼠标', en: 'Silent Wireless Mouse', unit: 'each', storage: 'ambient', weightG: 130, dims: [150, 100, 50], variants: colours },
  { stem: 'ELE-BULB', zh: 'LED灯泡 E27 9瓦 4只装', en: 'LED Bulbs E27 9 W, 4-pack', unit: 'pack', storage: 'fragile', weightG: 260, dims: [240, 65, 120], variants: [['WW', '暖白', 'warm white', 1], ['CW', '冷白', 'cool white', 1]] },
  { stem: 'KIT-CHOP', zh: '合金筷子 10双装', en: 'Alloy Chopsticks, 10 pairs', unit: 'pack', storage: 'ambient', weightG: 330, dims: [270, 80, 30], variants: one },
  { stem: 'KIT-CUTL', zh: '不锈钢西餐具 24件套', en: 'Stainless Cutlery Set, 24-piece', unit: 'set', storage: 'ambient', weightG: 1700, dims: [330, 230, 60], variants: one },
  { stem: 'KIT-BOAR', zh: '竹制砧板', en: 'Bamboo Chopping Board', unit: 'each', storage: 'ambient', weightG: 1200, dims: [400, 280, 25], variants: sizesSML },
  { stem: 'HOM-CAND', zh: '大豆蜡香薰蜡烛', en: 'Soy Wax Scented Candle', unit: 'each', storage: 'fragile', weightG: 380, dims: [100, 100, 110], variants: [['FIG', '无花果', 'Fig', 1], ['SAND', '檀香', 'Sandalwood', 1]] },
  { stem: 'TEX-SLIP', zh: '居家棉麻拖鞋', en: 'Cotton-linen House Slippers', unit: 'pair', storage: 'ambient', weightG: 320, dims: [300, 120, 80], variants: [['38', '38码', 'EU 38', 1], ['40', '40码', 'EU 40', 1], ['42', '42码', 'EU 42', 1.05], ['44', '44码', 'EU 44', 1.1]] },
  { stem: 'TEX-BLNK', zh: '法兰绒毛毯', en: 'Flannel Blanket', unit: 'each', storage: 'ambient', weightG: 1400, dims: [400, 300, 120], variants: colours },
  { stem: 'HOM-ROLL', zh: '粘毛器 替换装 6卷', en: 'Lint Roller Refills, 6 rolls', unit: 'pack', storage: 'ambient', weightG: 420, dims: [200, 120, 110], variants: one },
  { stem: 'HOM-DIFF', zh: '香薰加湿器（旧款）', en: 'Aroma Humidifier (old model)', unit: 'each', storage: 'ambient', weightG: 800, dims: [200, 200, 220], variants: one, inactive: true },
];
