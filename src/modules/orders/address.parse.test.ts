import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripEthnic } from './address.divisions';
import { compactAddress, formatAddress, parseAddress, partsOfDistrict } from './address.parse';

/** [address, province, prefecture as written, district, detail] — all must parse consistently. */
const EXACT: Array<[string, string, string, string, string]> = [
  ['浙江省杭州市西湖区文三路90号东部软件园3号楼', '浙江省', '杭州市', '西湖区', '文三路90号东部软件园3号楼'],
  ['北京市朝阳区建国路88号SOHO现代城A座1201', '北京市', '北京市', '朝阳区', '建国路88号SOHO现代城A座1201'],
  ['上海市浦东新区世纪大道100号环球金融中心', '上海市', '上海市', '浦东新区', '世纪大道100号环球金融中心'],
  ['天津市和平区南京路189号津汇广场', '天津市', '天津市', '和平区', '南京路189号津汇广场'],
  ['重庆市渝中区解放碑民族路188号', '重庆市', '重庆市', '渝中区', '解放碑民族路188号'],
  ['重庆市城口县葛城街道北大街12号', '重庆市', '重庆市', '城口县', '葛城街道北大街12号'],
  ['新疆维吾尔自治区乌鲁木齐市天山区人民路2号', '新疆维吾尔自治区', '乌鲁木齐市', '天山区', '人民路2号'],
  ['吉林省吉林市丰满区吉林大街100号', '吉林省', '吉林市', '丰满区', '吉林大街100号'],
  ['云南省西双版纳傣族自治州景洪市勐泐大道8号', '云南省', '西双版纳傣族自治州', '景洪市', '勐泐大道8号'],
  ['河南省济源市沁园路1号', '河南省', '济源市', '济源市', '沁园路1号'],
  ['湖北省仙桃市干河街道仙桃大道1号', '湖北省', '仙桃市', '仙桃市', '干河街道仙桃大道1号'],
  ['海南省琼海市嘉积镇银海路3号', '海南省', '琼海市', '琼海市', '嘉积镇银海路3号'],
  ['广东省广州市白云区太和镇广从五路66号', '广东省', '广州市', '白云区', '太和镇广从五路66号'],
  ['江苏省苏州市昆山市前进西路1号', '江苏省', '苏州市', '昆山市', '前进西路1号'],
  ['四川省阿坝藏族羌族自治州九寨沟县漳扎镇', '四川省', '阿坝藏族羌族自治州', '九寨沟县', '漳扎镇'],
  ['西藏自治区拉萨市城关区北京中路1号', '西藏自治区', '拉萨市', '城关区', '北京中路1号'],
  ['宁夏回族自治区银川市兴庆区解放西街2号', '宁夏回族自治区', '银川市', '兴庆区', '解放西街2号'],
  ['黑龙江省哈尔滨市南岗区西大直街92号', '黑龙江省', '哈尔滨市', '南岗区', '西大直街92号'],
  [
    '中国 浙江省 杭州市 余杭区 五常街道文一西路969号 311121',
    '浙江省',
    '杭州市',
    '余杭区',
    '五常街道文一西路969号',
  ],
  ['浙江省,杭州市,滨江区,网商路699号', '浙江省', '杭州市', '滨江区', '网商路699号'],
  ['贵州省黔东南苗族侗族自治州凯里市北京东路6号', '贵州省', '黔东南苗族侗族自治州', '凯里市', '北京东路6号'],
  ['湖北省神农架林区松柏镇', '湖北省', '神农架林区', '神农架林区', '松柏镇'],
  ['广东省东莞市长安镇长青南路1号', '广东省', '东莞市', '东莞市', '长安镇长青南路1号'],
  ['广东省中山市石岐街道孙文中路1号', '广东省', '中山市', '中山市', '石岐街道孙文中路1号'],
];

describe('parseAddress: complete and consistent', () => {
  it.each(EXACT)('%s', (text, province, city, district, detail) => {
    const r = parseAddress(text);
    expect(r.status, JSON.stringify(r.issue)).toBe('exact');
    expect(r.parts).toMatchObject({ provinceName: province, cityName: city, districtName: district });
    expect(r.parts!.districtCode).toMatch(/^\d{6}$/);
    expect(r.parts!.districtCode.startsWith(r.parts!.provinceCode)).toBe(true);
    expect(r.detail).toBe(detail);
    expect(r.issue).toBeNull();
  });

  it('reads full-width digits and spaces like half-width ones', () => {
    const r = parseAddress('浙江省 杭州市 西湖区 文三路９０号');
    expect(r.parts?.districtName).toBe('西湖区');
    expect(r.detail).toBe('文三路90号');
  });
});

/** [address, district code, expected notes] — consistent but shortened or with levels left out. */
const NORMALISED: Array<[string, string, string[]]> = [
  ['北京北京市朝阳区建国路88号', '110105', ['suffix_completed']],
  ['上海浦东张江高科技园区碧波路690号', '310115', ['suffix_completed']],
  ['广东深圳南山科技园科苑路15号', '440305', ['suffix_completed']],
  ['杭州市西湖区文三路90号', '330106', ['province_inferred']],
  ['海淀区中关村大街27号', '110108', ['province_inferred']],
  ['广州市天河区天河路385号太古汇', '440106', ['province_inferred']],
  ['湖北省恩施州恩施市舞阳大街1号', '422801', ['suffix_completed']],
  ['新疆伊犁哈萨克自治州伊宁市解放路1号', '654002', ['suffix_completed']],
  ['内蒙古锡林郭勒盟锡林浩特市团结大街', '152502', ['suffix_completed']],
  ['吉林长春朝阳区人民大街1号', '220104', ['suffix_completed']],
  ['浙江省西湖区文三路90号', '330106', ['city_inferred']],
  ['上海市安亭镇墨玉南路888号', '310114', ['district_from_street']],
  ['江苏昆山前进西路1号', '320583', ['suffix_completed', 'city_inferred']],
  ['昆山市前进西路1号', '320583', ['province_inferred', 'city_inferred']],
];

describe('parseAddress: normalised', () => {
  it.each(NORMALISED)('%s', (text, code, notes) => {
    const r = parseAddress(text);
    expect(r.status, JSON.stringify(r.issue)).toBe('normalised');
    expect(r.parts?.districtCode).toBe(code);
    expect([...r.notes].sort()).toEqual([...notes].sort());
    expect(r.normalised).toBe(formatAddress(r.parts!, r.detail));
  });

  it('writes the normalised address with a municipality named once', () => {
    expect(parseAddress('北京北京市朝阳区建国路88号').normalised).toBe('北京市朝阳区建国路88号');
    expect(parseAddress('杭州西湖文三路90号').normalised).toBe('浙江省杭州市西湖区文三路90号');
  });

  it('takes a road named after a division as the detail, not as a district', () => {
    const r = parseAddress('广东省广州市天河区天河路385号');
    expect(r.parts?.districtName).toBe('天河区');
    expect(r.detail).toBe('天河路385号');
    const s = parseAddress('上海市徐汇区中山西路2020号');
    expect(s.parts?.districtName).toBe('徐汇区');
    expect(s.detail).toBe('中山西路2020号');
  });
});

describe('parseAddress: needs a person', () => {
  it('proposes the prefecture a district really belongs to', () => {
    const r = parseAddress('江苏省苏州市江宁区双龙大道1222号');
    expect(r.status).toBe('suggested');
    expect(r.parts).toBeNull();
    expect(r.issue).toEqual({
      code: 'address_mismatch',
      params: { district: '江宁区', given: '苏州市', actual: '南京市' },
    });
    expect(r.suggestions.map((s) => s.text)).toEqual(['江苏省南京市江宁区双龙大道1222号']);
  });

  it('offers every district a bare name could mean', () => {
    const r = parseAddress('朝阳区建国路88号');
    expect(r.status).toBe('suggested');
    expect(r.issue?.code).toBe('address_ambiguous');
    const codes = r.suggestions.map((s) => s.districtCode);
    expect(codes).toContain('110105');
    expect(codes).toContain('220104');
    const gulou = parseAddress('鼓楼区中山路1号');
    expect(gulou.issue?.code).toBe('address_ambiguous');
    expect(gulou.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(gulou.suggestions.map((s) => s.cityCode)).size).toBe(gulou.suggestions.length);
  });

  it('guesses the district from a street stem but leaves the decision to a person', () => {
    const r = parseAddress('上海市南京西路1266号恒隆广场');
    expect(r.status).toBe('suggested');
    expect(r.issue).toEqual({ code: 'address_incomplete', params: { missing: 'district' } });
    expect(r.suggestions[0]).toMatchObject({ districtName: '静安区', detail: '南京西路1266号恒隆广场' });
  });

  it('fails without a district it can find', () => {
    const r = parseAddress('四川省成都市高新区天府大道北段1700号');
    expect(r.status).toBe('failed');
    expect(r.issue?.code).toBe('address_incomplete');
    expect(r.provinceCode).toBe('51');
    expect(r.cityCode).toBe('5101');
  });

  it('fails without a street address', () => {
    for (const text of ['浙江省杭州市西湖区', '北京市朝阳区 #', '浙江省杭州市西湖区--']) {
      const r = parseAddress(text);
      expect(r.status, text).toBe('failed');
      expect(r.issue?.code, text).toBe('address_detail_missing');
    }
  });

  it('recognises Hong Kong, Macao and Taiwan as outside the mainland network', () => {
    for (const text of ['香港特别行政区中环皇后大道中1号', '台湾台北市信义路五段7号', '澳门新马路1号'])
      expect(parseAddress(text).issue?.code, text).toBe('address_outside_mainland');
  });

  it('reports garbage as unparsed', () => {
    for (const text of ['', '   ', 'asdfghjkl', '12345678', '请放门口', '！！！', 'null'])
      expect(parseAddress(text)).toMatchObject({ status: 'failed', issue: { code: 'address_unparsed' } });
  });
});

describe('parseAddress: region given in parts', () => {
  it('accepts short names and checks they agree', () => {
    const r = parseAddress({ province: '江苏', city: '苏州', district: '昆山', detail: '前进西路1号' });
    expect(r.status).toBe('normalised');
    expect(r.parts?.districtCode).toBe('320583');
    expect(r.detail).toBe('前进西路1号');
    const wrong = parseAddress({
      province: '江苏省',
      city: '苏州市',
      district: '江宁区',
      detail: '双龙大道1号',
    });
    expect(wrong.issue?.code).toBe('address_mismatch');
  });

  it('takes a municipality given twice, as channels send it', () => {
    const r = parseAddress({ province: '北京市', city: '北京市', district: '朝阳区', detail: '建国路88号' });
    expect(r.status).toBe('exact');
    expect(r.parts?.districtCode).toBe('110105');
  });

  it('reports a district name it does not know', () => {
    const r = parseAddress({
      province: '浙江省',
      city: '杭州市',
      district: '未来科技城',
      detail: '文一西路1号',
    });
    expect(r.status).toBe('failed');
    expect(r.issue).toEqual({
      code: 'address_incomplete',
      params: { missing: 'district', unrecognised: '未来科技城' },
    });
  });

  it('trusts a district code', () => {
    const r = parseAddress({ districtCode: '330106', detail: '文三路90号' });
    expect(r.status).toBe('exact');
    expect(r.normalised).toBe('浙江省杭州市西湖区文三路90号');
  });
});

describe('helpers', () => {
  it('strips ethnic names from autonomous areas', () => {
    expect(stripEthnic('黔东南苗族侗族')).toBe('黔东南');
    expect(stripEthnic('海西蒙古族藏族')).toBe('海西');
    expect(stripEthnic('克孜勒苏柯尔克孜')).toBe('克孜勒苏');
    expect(stripEthnic('大理白族')).toBe('大理');
    expect(stripEthnic('白')).toBe('白');
  });

  it('compacts text', () => {
    expect(compactAddress('中国 浙江省，杭州市 310000')).toBe('浙江省杭州市');
  });

  it('expands a district code to its three levels', () => {
    expect(partsOfDistrict('310114')).toMatchObject({
      provinceName: '上海市',
      cityName: '上海市',
      districtName: '嘉定区',
    });
    expect(partsOfDistrict('4401')).toBeNull();
  });
});

describe('parseAddress never throws', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const r = parseAddress(text);
        expect(['exact', 'normalised', 'suggested', 'failed']).toContain(r.status);
        if (r.status === 'exact' || r.status === 'normalised') expect(r.parts).not.toBeNull();
        else expect(r.issue).not.toBeNull();
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('on division names glued together at random', () => {
    const names = fc.constantFrom(
      '北京',
      '朝阳区',
      '浙江省',
      '杭州',
      '西湖',
      '南京',
      '吉林',
      '鼓楼区',
      '市',
      '新疆',
      '重庆',
      '县',
    );
    fc.assert(
      fc.property(fc.array(names, { maxLength: 6 }), fc.string({ maxLength: 10 }), (parts, tail) => {
        const r = parseAddress(parts.join('') + tail);
        if (r.parts) expect(r.parts.districtCode.startsWith(r.parts.provinceCode)).toBe(true);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
