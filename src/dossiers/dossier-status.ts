import type { DossierStatus } from './dossier.js';

/**
 * The national status vocabulary of the one-stop sync (CONTRACTS.md §5), with what each one
 * means for the citizen in plain words. Status names alone ("Dừng xử lý") do not tell people
 * what to do next, so each carries an explanation.
 */
export const statusNames: Record<DossierStatus, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export const statusExplanations: Record<DossierStatus, string> = {
  1: 'Hồ sơ đã được đăng ký trên hệ thống nhưng cơ quan chưa kiểm tra và tiếp nhận. Cán bộ một cửa sẽ kiểm tra tính đầy đủ của hồ sơ trước khi tiếp nhận.',
  2: 'Hồ sơ đã được tiếp nhận đầy đủ và đang chờ chuyển đến bộ phận chuyên môn để giải quyết.',
  3: 'Hồ sơ không được tiếp nhận. Cơ quan phải thông báo lý do bằng văn bản hoặc trên hệ thống; bạn có thể hoàn thiện hồ sơ và nộp lại.',
  4: 'Hồ sơ đang được bộ phận chuyên môn xem xét, giải quyết.',
  5: 'Cơ quan giải quyết yêu cầu bạn bổ sung, hoàn thiện giấy tờ. Thời hạn giải quyết được tính lại từ khi nhận đủ giấy tờ bổ sung.',
  6: 'Hồ sơ đang chờ bạn thực hiện nghĩa vụ tài chính (nộp phí, lệ phí, thuế). Sau khi nộp, hồ sơ sẽ được tiếp tục giải quyết.',
  7: 'Hồ sơ đã được rút theo yêu cầu của bạn, cơ quan không tiếp tục giải quyết.',
  8: 'Việc giải quyết hồ sơ đã dừng lại. Cơ quan phải thông báo lý do cho bạn; nếu chưa nhận được, bạn nên liên hệ Bộ phận Một cửa.',
  9: 'Hồ sơ đã giải quyết xong, kết quả đang chờ trả cho bạn.',
  10: 'Kết quả đã được trả cho bạn.',
};

export function isDossierStatus(n: number): n is DossierStatus {
  return Number.isInteger(n) && n >= 1 && n <= 10;
}

/** Statuses that end the processing: no overdue count and nothing more to watch. */
export function isClosed(status: DossierStatus): boolean {
  return status === 3 || status === 7 || status === 8 || status === 10;
}

/** Statuses where the clock runs against the appointment date. */
export function isInProgress(status: DossierStatus): boolean {
  return status === 1 || status === 2 || status === 4 || status === 5 || status === 6;
}
