import type { FeedbackRecord } from './record.js';
import { formatVnDate } from './working-days.js';

/**
 * What the citizen is told on their channel when their feedback changes status. Polite,
 * specific (the code, where it went, the answer itself) and always ending with how to follow up.
 */
export function statusMessage(record: FeedbackRecord): string {
  const code = record.code;
  const last = record.history[record.history.length - 1];
  const note = last?.note;
  const followUp = `Bạn có thể hỏi lại bất cứ lúc nào bằng tin nhắn: "phản ánh ${code} đến đâu rồi".`;
  switch (record.status) {
    case 'received':
      return `Chúng tôi đã tiếp nhận phản ánh, kiến nghị ${code} của bạn. Thời hạn trả lời dự kiến: ${formatVnDate(record.dueAt)}. ${followUp}`;
    case 'processing':
      return `Phản ánh ${code} của bạn đang được xem xét, xử lý. Thời hạn trả lời dự kiến: ${formatVnDate(record.dueAt)}. ${followUp}`;
    case 'rejected':
      return `Rất tiếc, phản ánh ${code} của bạn không được tiếp nhận${note ? `. Lý do: ${note}` : ''}. Bạn có thể gửi lại phản ánh với đầy đủ thông tin.`;
    case 'forwarded':
      return `Phản ánh ${code} không thuộc thẩm quyền xử lý của chúng tôi nên đã được chuyển đến ${record.agency ?? 'cơ quan có thẩm quyền'} để xem xét, giải quyết. ${followUp}`;
    case 'answered':
      return `Phản ánh ${code} của bạn đã có trả lời:\n${record.answer ?? ''}\nCảm ơn bạn đã đóng góp ý kiến.`;
    case 'published':
      return `Kết quả xử lý phản ánh ${code} đã được công khai${record.public ? '' : ' (không kèm thông tin cá nhân của bạn)'}. Cảm ơn bạn đã đóng góp ý kiến.`;
    case 'withdrawn':
      return `Phản ánh ${code} đã được rút theo đề nghị của bạn. Nếu cần, bạn có thể gửi phản ánh mới bất cứ lúc nào.`;
  }
}
