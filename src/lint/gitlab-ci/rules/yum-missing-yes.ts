import check from '../../shell/checks/yum-missing-yes.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
