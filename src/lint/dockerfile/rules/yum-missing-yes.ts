import check from '../../shell/checks/yum-missing-yes.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
