import { letterName } from './letters.js';

/**
 * Abbreviations that citizens and officials write but a voice cannot read: "CCCD" would be
 * spelled out letter by letter, so it is said in full ("căn cước công dân").
 * Longer keys come first so "GCNQSDĐ" wins over "GCN".
 */
export const abbreviations: Record<string, string> = {
  'TP.HCM': 'Thành phố Hồ Chí Minh',
  'TP. HCM': 'Thành phố Hồ Chí Minh',
  'TPHCM': 'Thành phố Hồ Chí Minh',
  'HCM': 'Hồ Chí Minh',
  'GCNQSDĐ': 'giấy chứng nhận quyền sử dụng đất',
  'QSDĐ': 'quyền sử dụng đất',
  'CCCD': 'căn cước công dân',
  'CMND': 'chứng minh nhân dân',
  'CMTND': 'chứng minh thư nhân dân',
  'GPLX': 'giấy phép lái xe',
  'UBND': 'Ủy ban nhân dân',
  'HĐND': 'Hội đồng nhân dân',
  'TN&MT': 'tài nguyên và môi trường',
  'TNMT': 'tài nguyên và môi trường',
  'LĐTBXH': 'lao động, thương binh và xã hội',
  'LĐ-TB&XH': 'lao động, thương binh và xã hội',
  'GD&ĐT': 'giáo dục và đào tạo',
  'GDĐT': 'giáo dục và đào tạo',
  'VH-TT&DL': 'văn hóa, thể thao và du lịch',
  'KH&CN': 'khoa học và công nghệ',
  'KH&ĐT': 'kế hoạch và đầu tư',
  'NN&PTNT': 'nông nghiệp và phát triển nông thôn',
  'BHYT': 'bảo hiểm y tế',
  'BHXH': 'bảo hiểm xã hội',
  'BHTN': 'bảo hiểm thất nghiệp',
  'VNeID': 'vê en e ai đi',
  'TTHC': 'thủ tục hành chính',
  'DVCQG': 'Cổng Dịch vụ công quốc gia',
  'DVC': 'dịch vụ công',
  'PAKN': 'phản ánh, kiến nghị',
  'CSDL': 'cơ sở dữ liệu',
  'GCN': 'giấy chứng nhận',
  'GKS': 'giấy khai sinh',
  'ĐKKD': 'đăng ký kinh doanh',
  'HKD': 'hộ kinh doanh',
  'MST': 'mã số thuế',
  'SĐT': 'số điện thoại',
  'ĐT': 'điện thoại',
  'ĐTDĐ': 'điện thoại di động',
  'STK': 'số tài khoản',
  'NĐ-CP': 'nghị định của Chính phủ',
  'QĐ-TTg': 'quyết định của Thủ tướng Chính phủ',
  'TT-BCA': 'thông tư của Bộ Công an',
  'TT-BTC': 'thông tư của Bộ Tài chính',
  'TT-VPCP': 'thông tư của Văn phòng Chính phủ',
  'VPCP': 'Văn phòng Chính phủ',
  'BCA': 'Bộ Công an',
  'BTC': 'Bộ Tài chính',
  'BTP': 'Bộ Tư pháp',
  'BYT': 'Bộ Y tế',
  'BHTN-BHXH': 'bảo hiểm thất nghiệp, bảo hiểm xã hội',
  'NĐ': 'nghị định',
  'QĐ': 'quyết định',
  'TT': 'thông tư',
  'HTX': 'hợp tác xã',
  'THPT': 'trung học phổ thông',
  'THCS': 'trung học cơ sở',
  'ĐH': 'đại học',
  'CA': 'công an',
  'UB': 'Ủy ban',
  'OTP': 'mã ô tê pê',
  'SMS': 'tin nhắn ét em ét',
  'OK': 'ô kê',
  'PDF': 'pê đê ép',
  'VNPT': 'vê en pê tê',
  'Zalo': 'Da lô',
  'email': 'thư điện tử',
  'Email': 'thư điện tử',
  'e-mail': 'thư điện tử',
  'online': 'trực tuyến',
  'Online': 'trực tuyến',
};

const keys = Object.keys(abbreviations).sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const known = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
/** Other all-capital words of two to five letters are spelled letter by letter ("ABTC" -> "a bê tê xê"). */
const capitals = /(?<![\p{L}\p{N}])[A-ZĐ]{2,5}(?![\p{L}\p{N}])/gu;

export function expandAbbreviation(token: string): string | undefined {
  return abbreviations[token];
}

/** A word written in capitals that is still a Vietnamese syllable ("TRONG", "THEO") is read as a word. */
const syllable = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/i;

/** Say every abbreviation in full; spell unknown capital-letter abbreviations. */
export function rewriteAbbreviations(text: string): string {
  return text
    .replace(known, (m) => abbreviations[m] ?? m)
    .replace(capitals, (m) => (syllable.test(m) ? m.toLowerCase() : [...m].map(letterName).join(' ')));
}
