/** One feedback conversation, typed with and without diacritics, shared by the dialogue suites. */
export const accented = [
  'Tôi muốn phản ánh',
  'Ngày 20/11/2026 tôi nộp hồ sơ đăng ký thường trú tại UBND xã, cán bộ hẹn 3 lần vẫn chưa trả kết quả.',
  'Đồng ý',
  'Nguyễn Văn An',
  '0912 345 678',
  'Gửi',
];

export const unaccented = [
  'toi muon phan anh',
  'ngay 20/11 toi nop ho so dang ky khai sinh cho con o xa, can bo bao thieu giay to nhung khong noi ro thieu gi',
  'dong y',
  'Tran Thi Bich',
  'tranthibich@gmail.com',
  'gui',
];
