/**
 * Replies that are not answers about a procedure: greetings, thanks, help, and a polite
 * refusal for questions outside public administration. Each says what the assistant can do,
 * so a first-time user learns how to ask.
 */
export const capabilities = [
  'Tôi có thể giúp bạn tìm hiểu thủ tục hành chính: cần giấy tờ gì, lệ phí bao nhiêu, mất bao lâu, nộp ở đâu, có nộp trực tuyến được không và các bước thực hiện.',
  'Bạn cũng có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ, hoặc gửi phản ánh, kiến nghị.',
  'Ví dụ: "Đăng ký khai sinh cần giấy tờ gì?" hoặc "Lệ phí làm hộ chiếu bao nhiêu?"',
].join('\n');

export function greetingReply(): string {
  return `Xin chào bạn! Tôi là Trợ lý Một cửa.\n${capabilities}`;
}

export function thanksReply(): string {
  return 'Dạ, không có gì ạ. Nếu cần hỏi thêm về thủ tục nào, bạn cứ nhắn cho tôi nhé.';
}

export function helpReply(): string {
  return `Tôi là Trợ lý Một cửa.\n${capabilities}`;
}

export function outOfScopeReply(): string {
  return `Xin lỗi bạn, câu hỏi này nằm ngoài phạm vi tôi hỗ trợ.\n${capabilities}`;
}

export function notFoundReply(): string {
  return [
    'Xin lỗi bạn, tôi chưa tìm thấy thủ tục phù hợp với câu hỏi.',
    'Bạn có thể nói rõ tên thủ tục (ví dụ: "đăng ký tạm trú", "cấp đổi giấy phép lái xe") hoặc gõ mã thủ tục (ví dụ: 1.004194).',
  ].join('\n');
}

/** What kind of small talk a folded text is. */
export function smalltalkKind(folded: string): 'greeting' | 'thanks' | 'help' {
  if (/\b(?:cam on|thank|thanks|tks|tam biet|bye)\b/.test(folded)) return 'thanks';
  if (/\b(?:xin chao|chao|hello|hi|helo|alo|hey|start)\b/.test(folded)) return 'greeting';
  return 'help';
}

export function smalltalkReply(folded: string): string {
  const kind = smalltalkKind(folded);
  return kind === 'thanks' ? thanksReply() : kind === 'greeting' ? greetingReply() : helpReply();
}

/** Dossier and feedback questions when no skill for them is wired: say where to go instead. */
export function fallbackReply(intent: 'dossier_status' | 'feedback' | 'feedback_status'): string {
  switch (intent) {
    case 'dossier_status':
      return 'Để tra cứu tình trạng hồ sơ, bạn vui lòng gửi mã hồ sơ ghi trên giấy tiếp nhận (ví dụ: 000.00.31.H56-250312-0007). Bạn cũng có thể tra cứu tại Cổng Dịch vụ công quốc gia: https://dichvucong.gov.vn';
    case 'feedback':
      return 'Bạn có thể gửi phản ánh, kiến nghị về việc giải quyết thủ tục hành chính. Xin bạn cho biết nội dung cần phản ánh; tôi sẽ hướng dẫn các bước tiếp theo.';
    default:
      return 'Để tra cứu phản ánh, kiến nghị, bạn vui lòng gửi mã phản ánh (dạng PA-2026-000045) cùng số điện thoại hoặc email đã dùng khi gửi.';
  }
}
