import type { THelpText } from '../help.text';

/** Vietnamese: a translation of the bokmål and English texts, not yet checked by a native speaker. */
export const vi: THelpText = {
  pageTitle: 'Thông tin hữu ích',
  heading: 'Trợ giúp và quyền của bạn ở Na Uy',
  intro:
    'Trang này dành cho bạn nếu bạn có thể đang bị bóc lột trong công việc hoặc theo cách khác. Bạn có thể nhận được trợ giúp. Trợ giúp là miễn phí.',
  signsHeading: 'Dấu hiệu cho thấy bạn có thể đang bị bóc lột',
  signsIntro: 'Có điều nào dưới đây đúng với bạn không?',
  signPapers: 'Người khác giữ hộ chiếu hoặc giấy tờ của bạn.',
  signDebt: 'Bạn có một khoản nợ mà bạn không thể trả hết.',
  signFreedom: 'Bạn không thể bỏ đi, đi lại hoặc từ chối làm việc.',
  signThreats: 'Bạn hoặc gia đình bạn bị đe dọa.',
  signPay: 'Người khác lấy tiền lương của bạn.',
  signHousing: 'Bạn sống ở nơi bạn làm việc và không thể chuyển đi.',
  signsOutro:
    'Khi đó bạn có thể là nạn nhân của mua bán người hoặc lao động cưỡng bức. Đó là tội phạm ở Na Uy. Đó không phải lỗi của bạn.',
  contactsHeading: 'Cách nhận trợ giúp',
  contactEmergency: 'Bạn đang gặp nguy hiểm ngay bây giờ? Hãy gọi số khẩn cấp.',
  contactRosa:
    'ROSA giúp đỡ những người là nạn nhân của mua bán người. Đường dây mở cửa cả ngày lẫn đêm. Bạn có thể tự gọi.',
  contactPolice: 'Cảnh sát, khi việc không khẩn cấp. Bạn có thể được tư vấn hoặc trình báo.',
  contactLabour:
    'Arbeidstilsynet (Thanh tra Lao động): tiền lương và điều kiện làm việc. Bạn có thể báo tin mà không cần nói bạn là ai.',
  contactShelter:
    'ROSA có thể cho bạn một nơi ở an toàn tại một trung tâm khủng hoảng. Dành cho người trên {age} tuổi. Đội quân Cứu thế cũng có một ngôi nhà an toàn cho nam giới trên {age} tuổi.',
  reflectionHeading: 'Bạn có thể được phép ở lại Na Uy một thời gian',
  reflectionText:
    'Nếu có dấu hiệu cho thấy bạn là nạn nhân của mua bán người, bạn có thể được cấp thời gian suy nghĩ (refleksjonsperiode). Đó là giấy phép sống và làm việc ở Na Uy trong {months} tháng. Bạn không cần phải tố cáo ai để được cấp.',
  reflectionApply:
    'Bạn nộp đơn tại cảnh sát nơi bạn sống và phải tự mình đến. UDI (Cục Di trú) quyết định. Bạn không bị đưa ra khỏi đất nước trong thời gian này.',
  reflectionLimits:
    'Giấy phép không thể gia hạn và không cho bạn quyền ở lại Na Uy vĩnh viễn. Giấy phép chỉ có giá trị ở Na Uy.',
  lawyerHeading: 'Bạn có quyền có luật sư',
  lawyerBefore:
    'Trước khi quyết định có trình báo hay không, bạn có thể được tư vấn pháp lý miễn phí ít nhất {hours} giờ. Bạn có thể xin thêm.',
  lawyerAfter:
    'Nếu bạn trình báo, bạn được một luật sư miễn phí (bistandsadvokat) trong suốt vụ việc. Nhà nước trả tiền.',
  healthHeading: 'Chăm sóc sức khỏe',
  healthText:
    'Mọi người đều có quyền được cấp cứu và được chăm sóc khi không thể chờ đợi. Nếu không có cư trú hợp pháp, các dịch vụ y tế khác thường khó nhận được. Trên thực tế, điều này cũng đúng với nhiều người trong thời gian suy nghĩ.',
  happensHeading: 'Điều gì xảy ra khi bạn liên lạc?',
  happensText:
    'ROSA lắng nghe và giải thích những gì bạn có thể làm. Bạn tự quyết định có trình báo hay không. Bạn có thể được giúp về chỗ ở, luật sư và sức khỏe.',
  happensNotGuaranteed:
    'Nói thật lòng: không ai có thể hứa rằng bạn sẽ được ở lại Na Uy. Những kẻ bóc lột người khác nói rằng bạn sẽ bị trục xuất nếu bạn xin giúp đỡ. Hãy đọc ở trên về quyền của bạn, và hỏi ROSA hoặc luật sư.',
  safetyHeading: 'An toàn trên mạng',
  safetyHistory:
    'Người khác có dùng điện thoại của bạn không? Hãy xóa lịch sử trình duyệt: mở menu, chọn "Lịch sử", rồi "Xóa dữ liệu duyệt web". Hoặc dùng cửa sổ riêng tư.',
  safetyQuickExit: 'Nút "Rời đi" ở trên cùng đóng trang này và mở dự báo thời tiết.',
  quickExit: 'Rời đi',
  quickExitHint: 'Đóng trang này ngay lập tức và mở dự báo thời tiết.',
  sources: 'Nguồn',
  otherLanguages: 'Ngôn ngữ khác',
  statusSource: 'Văn bản gốc, viết dựa trên các nguồn.',
  statusUnreviewed: 'Bản dịch. Chưa được người bản ngữ kiểm tra.',
  statusNeedsReview: 'Bản dịch. Văn bản gốc đã thay đổi từ lần kiểm tra trước, vì vậy bản dịch cần được kiểm tra lại.',
  statusReviewed: 'Bản dịch đã được người bản ngữ kiểm tra ({name}, {date}).',
  updated: 'Cập nhật lần cuối: {date}.',
  cardHeading: 'Bạn cần giúp đỡ?',
  cardEmergency: 'Nguy hiểm ngay bây giờ',
  cardRosa: 'ROSA, cả ngày lẫn đêm',
  cardPolice: 'Cảnh sát',
  cardScan: 'Quét mã để đọc thêm thông tin bằng ngôn ngữ của bạn.',
  cardLink: 'Thẻ để in',
  cardPrintHint: 'In trên giấy A4: mười thẻ cỡ ví trên mỗi tờ.',
  cardPrint: 'In'
};
