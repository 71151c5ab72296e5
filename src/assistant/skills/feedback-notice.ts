/**
 * The personal-data notice shown before any personal data is asked for (Luật Bảo vệ dữ liệu cá nhân
 * số 91/2025/QH15, Nghị định 356/2025/NĐ-CP). Its version is stored with each consent, so when the
 * wording changes the version must change too and old consents still say what was agreed to.
 */
export const FEEDBACK_NOTICE_VERSION = 'pakn-dlcn-2026-11-v1';

export const feedbackNotice = [
  `Trước khi ghi thông tin cá nhân, xin bạn đọc thông báo xử lý dữ liệu cá nhân (phiên bản ${FEEDBACK_NOTICE_VERSION}):`,
  '• Thu thập: họ tên, số điện thoại hoặc email, nội dung phản ánh và mã tài khoản nhắn tin của bạn trên kênh này.',
  '• Mục đích: chỉ để tiếp nhận, xử lý, trả lời phản ánh và báo kết quả cho bạn.',
  '• Bên nhận: cán bộ Bộ phận Một cửa và cơ quan có thẩm quyền giải quyết (nếu phải chuyển). Danh tính của bạn không được công khai khi đăng kết quả.',
  '• Quyền của bạn: được biết, đồng ý hoặc rút lại đồng ý, xem, chỉnh sửa, yêu cầu xóa dữ liệu và khiếu nại theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP.',
  'Nếu bạn đồng ý, xin trả lời “Đồng ý”. Câu trả lời khác không được coi là đồng ý; gõ “Hủy” để dừng.',
].join('\n');
